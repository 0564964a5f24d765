import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type ProposalCreated = Event<'ProposalCreated', { proposalId: string; createdAt: string }>;

export type ProposalSent = Event<'ProposalSent', { proposalId: string; sentAt: string }>;

export type ProposalAccepted = Event<'ProposalAccepted', { proposalId: string; acceptedAt: string }>;

export type ProposalDeclined = Event<'ProposalDeclined', { proposalId: string; declinedAt: string }>;

export type ProposalEvent = ProposalCreated | ProposalSent | ProposalAccepted | ProposalDeclined;
