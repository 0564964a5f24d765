import type { Declaration } from './declaration';
import { CONTRACT_READERS, CONTRACT_REVIEWERS, CONTRACT_WRITERS } from './access';

type Access = Declaration['access'];

/** A conditional write on one record: `POST <resource>/:id/<action>`, If-Match in, ETag out. */
function onOne(resource: string, action: string, access: Access, summary: string): Declaration {
  return {
    http: {
      method: 'POST',
      path: `${resource}/:id/${action}`,
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access,
    summary,
  };
}

const contract = (action: string, access: Access, summary: string) =>
  onOne('contracts', action, access, summary);
const proposal = (action: string, summary: string) => onOne('proposals', action, CONTRACT_WRITERS, summary);

/**
 * The contracts service's methods: gRPC name → REST route, roles, summary, problem codes. Every write may answer
 * CONTRACTS.CUSTOMER_ERASED: a contract's and a proposal's free text is sealed with the customer's key.
 */
export const CONTRACTS_API = {
  DraftContract: {
    http: { method: 'POST', path: 'contracts', status: 201, etag: true, location: true },
    access: CONTRACT_WRITERS,
    errors: [
      'CONTRACTS.CONTRACT_EXISTS',
      'CONTRACTS.END_BEFORE_START',
      'CONTRACTS.INVALID_TERMS',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
    summary: 'Draft a contract from the tenant’s template of its kind (an end before the start: 422)',
  },
  ReviseContract: {
    ...contract('revise', CONTRACT_WRITERS, 'Rewrite the terms of a draft or a returned contract'),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.END_BEFORE_START',
      'CONTRACTS.INVALID_TERMS',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  SubmitContractForReview: {
    ...contract(
      'submit-for-review',
      CONTRACT_WRITERS,
      'Send a draft to legal review (422 CONTRACTS.MISSING_CLAUSE names a missing required clause)',
    ),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.MISSING_CLAUSE',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  ApproveContract: {
    ...contract('approve', CONTRACT_REVIEWERS, 'Legal approves the contract under review'),
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.ILLEGAL_TRANSITION', 'CONTRACTS.CUSTOMER_ERASED'],
  },
  ReturnContract: {
    ...contract('return', CONTRACT_REVIEWERS, 'Legal returns the contract to its drafters, with reasons'),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.NO_REASON',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  SignContract: {
    ...contract(
      'sign',
      CONTRACT_WRITERS,
      'Record one party’s signature (who, how); both signed: version 1, entitlements published',
    ),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.REVIEW_REQUIRED',
      'CONTRACTS.MISSING_CLAUSE',
      'CONTRACTS.ALREADY_SIGNED_BY_PARTY',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  AmendContract: {
    ...contract(
      'amend',
      CONTRACT_WRITERS,
      'Write an amendment (changed terms, effective date) against the current version (stale If-Match: 409)',
    ),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.AMENDMENT_CONFLICT',
      'CONTRACTS.EMPTY_AMENDMENT',
      'CONTRACTS.AMENDMENT_DATE_OUT_OF_TERM',
      'CONTRACTS.END_BEFORE_START',
      'CONTRACTS.INVALID_TERMS',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  SignAmendment: {
    ...contract(
      'sign-amendment',
      CONTRACT_WRITERS,
      'Record one party’s signature of the pending amendment; both signed: a new version',
    ),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.NO_PENDING_AMENDMENT',
      'CONTRACTS.ALREADY_SIGNED_BY_PARTY',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  SuspendContract: {
    ...contract('suspend', CONTRACT_WRITERS, 'Suspend an active contract, with a reason'),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.NO_REASON',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  ResumeContract: {
    ...contract('resume', CONTRACT_WRITERS, 'Resume a suspended contract'),
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.ILLEGAL_TRANSITION', 'CONTRACTS.CUSTOMER_ERASED'],
  },
  TerminateContract: {
    ...contract('terminate', CONTRACT_WRITERS, 'Terminate a contract early (reason; who is the caller)'),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.NO_REASON',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  RenewContract: {
    ...contract('renew', CONTRACT_WRITERS, 'Renew a contract: a successor draft linked to this one'),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.CONTRACT_EXISTS',
      'CONTRACTS.END_BEFORE_START',
      'CONTRACTS.INVALID_TERMS',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  ArchiveContract: {
    ...contract('archive', CONTRACT_WRITERS, 'Archive an expired, renewed or terminated contract'),
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.ILLEGAL_TRANSITION', 'CONTRACTS.CUSTOMER_ERASED'],
  },
  CloseRenewalFollowUp: {
    ...contract(
      'close-follow-up',
      CONTRACT_WRITERS,
      'Close the open renewal follow-up with an outcome (done, dropped): its owner, or a manager',
    ),
    errors: [
      'CONTRACTS.CONTRACT_NOT_FOUND',
      'CONTRACTS.ILLEGAL_TRANSITION',
      'CONTRACTS.NO_OPEN_FOLLOW_UP',
      'CONTRACTS.FOLLOW_UP_FORBIDDEN',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  ListRenewalFollowUps: {
    http: { method: 'GET', path: 'contracts/renewal-follow-ups', status: 200 },
    access: CONTRACT_READERS,
    errors: [],
    summary:
      'Renewal follow-ups (opened by the expiry notice) by owner and status, newest first; a page at a time',
  },
  GetContract: {
    http: { method: 'GET', path: 'contracts/:id', status: 200, uuidParams: ['id'], etag: true },
    access: CONTRACT_READERS,
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.VERSION_NOT_FOUND'],
    summary: 'A contract, every version readable; with asOf=YYYY-MM-DD, the terms in force on that date',
  },
  GetContractTerms: {
    http: { method: 'GET', path: 'contracts/:id/terms', status: 200, uuidParams: ['id'] },
    access: CONTRACT_READERS,
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.NO_TERMS_IN_FORCE'],
    summary:
      'The terms in force on a date (on=YYYY-MM-DD, today when absent): the last version effective by then',
  },
  GetContractReview: {
    http: { method: 'GET', path: 'contracts/:id/review', status: 200, uuidParams: ['id'] },
    access: CONTRACT_READERS,
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.NO_TERMS_IN_FORCE'],
    summary:
      'The periodic review on a date (on=YYYY-MM-DD, today when absent): sessions used, visits done and payments made against the terms in force, and what is behind schedule',
  },
  GetContractDocument: {
    http: { method: 'GET', path: 'contracts/:id/document', status: 200, uuidParams: ['id'] },
    access: CONTRACT_READERS,
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND', 'CONTRACTS.VERSION_NOT_FOUND'],
    summary: 'The rendered text of a version, its content hash, and whether it matches the hash signed',
  },
  GetContractHistory: {
    http: { method: 'GET', path: 'contracts/:id/history', status: 200, uuidParams: ['id'] },
    access: CONTRACT_READERS,
    errors: ['CONTRACTS.CONTRACT_NOT_FOUND'],
    summary: 'What happened to a contract: who, when, on whose behalf, which fields',
  },
  ListContracts: {
    http: { method: 'GET', path: 'contracts', status: 200 },
    access: CONTRACT_READERS,
    errors: [],
    summary: 'List contracts by status, kind, customer, or ending before a date; a page at a time',
  },
  PublishContractTemplate: {
    http: { method: 'POST', path: 'contract-templates', status: 201, etag: true },
    access: CONTRACT_REVIEWERS,
    errors: [
      'CONTRACTS.INVALID_TEMPLATE',
      'CONTRACTS.REVIEW_REQUIRED_FOR_LEASE',
      'CONTRACTS.NO_REQUIRED_CLAUSE',
    ],
    summary: 'Publish a new version of the tenant’s template for a kind (a lease is always reviewed)',
  },
  ListContractTemplates: {
    http: { method: 'GET', path: 'contract-templates', status: 200 },
    access: CONTRACT_READERS,
    errors: [],
    summary: 'The tenant’s template of each kind in force (the default until one is published)',
  },
  CreateProposal: {
    http: { method: 'POST', path: 'proposals', status: 201, etag: true, location: true },
    access: CONTRACT_WRITERS,
    errors: [
      'CONTRACTS.PROPOSAL_EXISTS',
      'CONTRACTS.NO_ITEMS',
      'CONTRACTS.END_BEFORE_START',
      'CONTRACTS.VALIDITY_PASSED',
      'CONTRACTS.INVALID_PROPOSAL',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
    summary: 'Write a proposal (quote): customer, line, items priced in minor units, payment terms, validity',
  },
  SendProposal: {
    ...proposal('send', 'Send the proposal to the customer; it expires after its last valid day'),
    errors: [
      'CONTRACTS.PROPOSAL_NOT_FOUND',
      'CONTRACTS.ILLEGAL_PROPOSAL_TRANSITION',
      'CONTRACTS.VALIDITY_PASSED',
      'CONTRACTS.PROPOSAL_LAPSED',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  AcceptProposal: {
    ...proposal('accept', 'The customer accepted: a contract draft carrying its items'),
    errors: [
      'CONTRACTS.PROPOSAL_NOT_FOUND',
      'CONTRACTS.ILLEGAL_PROPOSAL_TRANSITION',
      'CONTRACTS.VALIDITY_PASSED',
      'CONTRACTS.PROPOSAL_LAPSED',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  DeclineProposal: {
    ...proposal('decline', 'The customer declined the proposal, with a reason'),
    errors: [
      'CONTRACTS.PROPOSAL_NOT_FOUND',
      'CONTRACTS.ILLEGAL_PROPOSAL_TRANSITION',
      'CONTRACTS.PROPOSAL_LAPSED',
      'CONTRACTS.NO_REASON',
      'CONTRACTS.CUSTOMER_ERASED',
    ],
  },
  ListProposals: {
    http: { method: 'GET', path: 'proposals', status: 200 },
    access: CONTRACT_READERS,
    errors: [],
    summary:
      'List proposals by status, customer, kind, or valid until before/after a date; newest first, a page at a time',
  },
  GetProposal: {
    http: { method: 'GET', path: 'proposals/:id', status: 200, uuidParams: ['id'], etag: true },
    access: CONTRACT_READERS,
    errors: ['CONTRACTS.PROPOSAL_NOT_FOUND'],
    summary: 'A proposal',
  },
} as const satisfies Record<string, Declaration>;
