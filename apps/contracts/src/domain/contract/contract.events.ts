import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type ContractDrafted = Event<'ContractDrafted', { contractId: string; draftedAt: string }>;

export type ContractSubmittedForReview = Event<
  'ContractSubmittedForReview',
  { contractId: string; reviewAt: string }
>;

export type ContractApproved = Event<'ContractApproved', { contractId: string; approvedAt: string }>;

export type ContractReturned = Event<'ContractReturned', { contractId: string; returnedAt: string }>;

export type ContractSigned = Event<'ContractSigned', { contractId: string; signedAt: string }>;

export type AmendmentProposed = Event<'AmendmentProposed', { contractId: string; proposedAt: string }>;

export type AmendmentSigned = Event<'AmendmentSigned', { contractId: string; signedAt: string }>;

export type ContractSuspended = Event<'ContractSuspended', { contractId: string; suspendedAt: string }>;

export type ContractResumed = Event<'ContractResumed', { contractId: string; resumedAt: string }>;

export type ContractTerminated = Event<'ContractTerminated', { contractId: string; terminatedAt: string }>;

export type ContractRenewed = Event<'ContractRenewed', { contractId: string; renewedAt: string }>;

export type ContractArchived = Event<'ContractArchived', { contractId: string; archivedAt: string }>;

export type ContractEvent =
  | ContractDrafted
  | ContractSubmittedForReview
  | ContractApproved
  | ContractReturned
  | ContractSigned
  | AmendmentProposed
  | AmendmentSigned
  | ContractSuspended
  | ContractResumed
  | ContractTerminated
  | ContractRenewed
  | ContractArchived;
