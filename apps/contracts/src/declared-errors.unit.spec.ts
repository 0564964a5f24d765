import { describeDeclaredErrors } from '@serviceops/platform/testing';
import { ContractTemplateErrorCode } from './domain/contract-template/contract-template.errors';
import { ContractErrorCode } from './domain/contract/contract.errors';
import { ProposalErrorCode } from './domain/proposal/proposal.errors';

describeDeclaredErrors('contracts', [ContractTemplateErrorCode, ContractErrorCode, ProposalErrorCode]);
