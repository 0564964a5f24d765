import type { BusinessLine } from '@serviceops/contracts';
import type { ContractItem, ContractKind } from '../terms/terms';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** What a quote offers: the contract it would become. */
export interface Offer {
  readonly customerId: string;
  readonly line: BusinessLine;
  readonly kind: ContractKind;
  readonly items: readonly ContractItem[];
  /** Free text: 'paid in full before the first session'. */
  readonly paymentTerms: string;
  /** The period the service runs, local dates. */
  readonly startDate: string;
  readonly endDate: string;
  /** The last day the customer may accept. */
  readonly validUntil: string;
}

export type CreateProposal = Command<'CreateProposal', { proposalId: string } & Offer>;
export type SendProposal = Command<'SendProposal', { proposalId: string }>;
export type AcceptProposal = Command<'AcceptProposal', { proposalId: string; contractId: string }>;
export type DeclineProposal = Command<'DeclineProposal', { proposalId: string; reason: string }>;
/** The validity timer's: harmless when early or repeated. */
export type ExpireProposal = Command<'ExpireProposal', { proposalId: string }>;

export type ProposalCommand =
  CreateProposal | SendProposal | AcceptProposal | DeclineProposal | ExpireProposal;
