import type { Event } from '@serviceops/kernel';
import type { Offer } from './proposal.commands';

export type ProposalCreated = Event<
  'ProposalCreated',
  { proposalId: string; offer: Offer; createdAt: string }
>;
export type ProposalSent = Event<'ProposalSent', { proposalId: string; validUntil: string; sentAt: string }>;
export type ProposalAccepted = Event<
  'ProposalAccepted',
  { proposalId: string; contractId: string; acceptedAt: string }
>;
export type ProposalDeclined = Event<
  'ProposalDeclined',
  { proposalId: string; reason: string; declinedAt: string }
>;
export type ProposalExpired = Event<
  'ProposalExpired',
  { proposalId: string; validUntil: string; expiredAt: string }
>;

export type ProposalEvent =
  ProposalCreated | ProposalSent | ProposalAccepted | ProposalDeclined | ProposalExpired;
