import { controllerOf, route } from '../routes/mount';
import {
  AmendContractDto,
  CreateProposalDto,
  DeclineProposalDto,
  DraftContractDto,
  GetContractDocumentQuery,
  GetContractQuery,
  GetContractTermsQuery,
  ListContractsQuery,
  PublishContractTemplateDto,
  ReasonDto,
  ReturnContractDto,
  ReviseContractDto,
  SignContractDto,
} from './contracts.dto';
import {
  ContractDocumentView,
  ContractHistoryView,
  ContractPageView,
  ContractTemplateListView,
  ContractTemplateView,
  ContractView,
  ProposalView,
  TermsInForceView,
} from './contracts.views';

/** The contracts service over REST: each route is its declaration bound to these shapes. */
export const ContractRoutes = controllerOf('contracts', [
  route({ rpc: 'contracts.DraftContract', body: DraftContractDto, answer: ContractView }),
  route({ rpc: 'contracts.ListContracts', query: ListContractsQuery, answer: ContractPageView }),
  route({ rpc: 'contracts.GetContract', query: GetContractQuery, answer: ContractView }),
  route({ rpc: 'contracts.GetContractTerms', query: GetContractTermsQuery, answer: TermsInForceView }),
  route({
    rpc: 'contracts.GetContractDocument',
    query: GetContractDocumentQuery,
    answer: ContractDocumentView,
  }),
  route({ rpc: 'contracts.GetContractHistory', answer: ContractHistoryView }),
  route({ rpc: 'contracts.ReviseContract', body: ReviseContractDto, answer: ContractView }),
  route({ rpc: 'contracts.SubmitContractForReview', answer: ContractView }),
  route({ rpc: 'contracts.ApproveContract', answer: ContractView }),
  route({ rpc: 'contracts.ReturnContract', body: ReturnContractDto, answer: ContractView }),
  route({ rpc: 'contracts.SignContract', body: SignContractDto, answer: ContractView }),
  route({ rpc: 'contracts.AmendContract', body: AmendContractDto, answer: ContractView }),
  route({ rpc: 'contracts.SignAmendment', body: SignContractDto, answer: ContractView }),
  route({ rpc: 'contracts.SuspendContract', body: ReasonDto, answer: ContractView }),
  route({ rpc: 'contracts.ResumeContract', answer: ContractView }),
  route({ rpc: 'contracts.TerminateContract', body: ReasonDto, answer: ContractView }),
  route({ rpc: 'contracts.RenewContract', answer: ContractView }),
  route({ rpc: 'contracts.ArchiveContract', answer: ContractView }),
]);

export const ContractTemplateRoutes = controllerOf('contract-templates', [
  route({
    rpc: 'contracts.PublishContractTemplate',
    body: PublishContractTemplateDto,
    answer: ContractTemplateView,
  }),
  route({ rpc: 'contracts.ListContractTemplates', answer: ContractTemplateListView }),
]);

export const ProposalRoutes = controllerOf('proposals', [
  route({ rpc: 'contracts.CreateProposal', body: CreateProposalDto, answer: ProposalView }),
  route({ rpc: 'contracts.GetProposal', answer: ProposalView }),
  route({ rpc: 'contracts.SendProposal', answer: ProposalView }),
  route({ rpc: 'contracts.AcceptProposal', answer: ProposalView }),
  route({ rpc: 'contracts.DeclineProposal', body: DeclineProposalDto, answer: ProposalView }),
]);
