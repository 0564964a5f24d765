import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './contracts.dto';
import {
  CloseRenewalFollowUpDto,
  GetContractDocumentQuery,
  GetContractQuery,
  GetContractReviewQuery,
  GetContractTermsQuery,
  ListContractsQuery,
  ListProposalsQuery,
  ListRenewalFollowUpsQuery,
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

/**
 * Contracts over REST: each route is its declaration (libs/contracts) bound to these shapes. Bound here: the reads and
 * closing a renewal follow-up (it answers the follow-up, not the contract); every other write under /contracts is
 * derived (its body the `@BodyOf` class of contracts.dto.ts, its answer the contract).
 */
export const ContractRoutes = resourceRoutes('contracts', { answer: ContractView, view }, bodies, [
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

/** Proposals over REST: the reads bound here; every write under /proposals is derived (its answer the proposal). */
export const ProposalRoutes = resourceRoutes('proposals', { answer: ProposalView, view }, bodies, [
  route({ rpc: 'contracts.ListProposals', query: ListProposalsQuery, answer: ProposalPageView }),
  route({ rpc: 'contracts.GetProposal', answer: ProposalView, view }),
]);
