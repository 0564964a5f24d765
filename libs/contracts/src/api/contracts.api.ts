import type { Declaration } from './declaration';
import { CONTRACT_WRITERS, CONTRACT_REVIEWERS } from './access';

/** The contracts service's methods: gRPC name → REST route, roles, summary. */
export const CONTRACTS_API = {
  DraftContract: {
    http: { method: 'POST', path: 'contracts', status: 201, etag: true },
    access: CONTRACT_WRITERS,
    summary: "Draft a contract from the tenant's template of its kind",
  },
  SubmitContractForReview: {
    http: {
      method: 'POST',
      path: 'contracts/:id/submit-for-review',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Send a draft to legal review (422 names a missing required clause)',
  },
  ApproveContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/approve',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_REVIEWERS,
    summary: 'Legal approves the contract under review',
  },
  ReturnContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/return',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_REVIEWERS,
    summary: 'Legal returns the contract to its drafters, with reasons',
  },
  SignContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/sign',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: "Record one party's signature (who, when, on paper or electronic)",
  },
  AmendContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/amend',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Write an amendment (changed clauses, effective date) against the current version',
  },
  SignAmendment: {
    http: {
      method: 'POST',
      path: 'contracts/:id/sign-amendment',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: "Record one party's signature of the pending amendment; both make a new version",
  },
  SuspendContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/suspend',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Suspend an active contract',
  },
  ResumeContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/resume',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Resume a suspended contract',
  },
  TerminateContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/terminate',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Terminate a contract early (reason, who)',
  },
  RenewContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/renew',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Renew a contract: a successor draft linked to this one',
  },
  ArchiveContract: {
    http: {
      method: 'POST',
      path: 'contracts/:id/archive',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Archive an expired, renewed or terminated contract',
  },
  PublishContractTemplate: {
    http: { method: 'POST', path: 'contract-templates', status: 201, etag: true },
    access: CONTRACT_REVIEWERS,
    summary: "Publish a new version of the tenant's template for a kind",
  },
  CreateProposal: {
    http: { method: 'POST', path: 'proposals', status: 201, etag: true },
    access: CONTRACT_WRITERS,
    summary: 'Write a proposal (quote): customer, line, items, payment terms, schedule, validity',
  },
  SendProposal: {
    http: {
      method: 'POST',
      path: 'proposals/:id/send',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'Send the proposal to the customer; it expires at the end of its validity',
  },
  AcceptProposal: {
    http: {
      method: 'POST',
      path: 'proposals/:id/accept',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'The customer accepted: a contract draft carrying its items',
  },
  DeclineProposal: {
    http: {
      method: 'POST',
      path: 'proposals/:id/decline',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CONTRACT_WRITERS,
    summary: 'The customer declined the proposal',
  },
} as const satisfies Record<string, Declaration>;
