import { controllerOf, resourceRoutes, route } from '../routes/mount';
import * as bodies from './contracts.dto';
import {
  AmendContractDto,
  CloseRenewalFollowUpDto,
  CreateProposalDto,
  DeclineProposalDto,
  DraftContractDto,
  GetContractDocumentQuery,
  GetContractQuery,
  GetContractReviewQuery,
  GetContractTermsQuery,
  ListContractsQuery,
  ListProposalsQuery,
  ListRenewalFollowUpsQuery,
  ReasonDto,
  ReturnContractDto,
  ReviseContractDto,
  SignContractDto,
} from './contracts.dto';
import {
  ContractDocumentView,
  ContractHistoryView,
  ContractPageView,
  ContractReviewView,
  ContractTemplateListView,
  ContractTemplateView,
  ContractView,
  ProposalPageView,
  ProposalView,
  RenewalFollowUpPageView,
  RenewalFollowUpView,
  TermsInForceView,
} from './contracts.views';

/**
 * Money's amount is int64 in the proto, a string as gRPC gives it: a JSON number in every answer (minor units
 * stay below 2^53, which the request schema states).
 */
export function numericAmounts<T>(reply: T): T {
  const walk = (value: unknown, key?: string): unknown => {
    if (key === 'amount' && typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(reply) as T;
}
const view = numericAmounts;

/** The contracts service over REST: each route is its declaration bound to these shapes. */
export const ContractRoutes = controllerOf('contracts', [
  route({ rpc: 'contracts.DraftContract', body: DraftContractDto, answer: ContractView, view }),
  route({ rpc: 'contracts.ListContracts', query: ListContractsQuery, answer: ContractPageView }),
  // Before `contracts/:id`: its path is not an id.
  route({
    rpc: 'contracts.ListRenewalFollowUps',
    query: ListRenewalFollowUpsQuery,
    answer: RenewalFollowUpPageView,
  }),
  route({ rpc: 'contracts.GetContract', query: GetContractQuery, answer: ContractView, view }),
  route({ rpc: 'contracts.GetContractTerms', query: GetContractTermsQuery, answer: TermsInForceView, view }),
  route({
    rpc: 'contracts.GetContractReview',
    query: GetContractReviewQuery,
    answer: ContractReviewView,
    view,
  }),
  route({
    rpc: 'contracts.GetContractDocument',
    query: GetContractDocumentQuery,
    answer: ContractDocumentView,
  }),
  route({ rpc: 'contracts.GetContractHistory', answer: ContractHistoryView }),
  route({ rpc: 'contracts.ReviseContract', body: ReviseContractDto, answer: ContractView, view }),
  route({ rpc: 'contracts.SubmitContractForReview', answer: ContractView, view }),
  route({ rpc: 'contracts.ApproveContract', answer: ContractView, view }),
  route({ rpc: 'contracts.ReturnContract', body: ReturnContractDto, answer: ContractView, view }),
  route({ rpc: 'contracts.SignContract', body: SignContractDto, answer: ContractView, view }),
  route({ rpc: 'contracts.AmendContract', body: AmendContractDto, answer: ContractView, view }),
  route({ rpc: 'contracts.SignAmendment', body: SignContractDto, answer: ContractView, view }),
  route({ rpc: 'contracts.SuspendContract', body: ReasonDto, answer: ContractView, view }),
  route({ rpc: 'contracts.ResumeContract', answer: ContractView, view }),
  route({ rpc: 'contracts.TerminateContract', body: ReasonDto, answer: ContractView, view }),
  route({ rpc: 'contracts.RenewContract', answer: ContractView, view }),
  route({ rpc: 'contracts.ArchiveContract', answer: ContractView, view }),
  route({
    rpc: 'contracts.CloseRenewalFollowUp',
    body: CloseRenewalFollowUpDto,
    answer: RenewalFollowUpView,
  }),
]);

/** The tenant's templates: the read bound here; publishing is derived (its body the `@BodyOf` class). */
export const ContractTemplateRoutes = resourceRoutes(
  'contract-templates',
  { answer: ContractTemplateView },
  bodies,
  [route({ rpc: 'contracts.ListContractTemplates', answer: ContractTemplateListView })],
);

export const ProposalRoutes = controllerOf('proposals', [
  route({ rpc: 'contracts.CreateProposal', body: CreateProposalDto, answer: ProposalView, view }),
  route({ rpc: 'contracts.ListProposals', query: ListProposalsQuery, answer: ProposalPageView }),
  route({ rpc: 'contracts.GetProposal', answer: ProposalView, view }),
  route({ rpc: 'contracts.SendProposal', answer: ProposalView, view }),
  route({ rpc: 'contracts.AcceptProposal', answer: ProposalView, view }),
  route({ rpc: 'contracts.DeclineProposal', body: DeclineProposalDto, answer: ProposalView, view }),
]);
