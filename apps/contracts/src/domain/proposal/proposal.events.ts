import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
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

/**
 * Per event type, the free text that can name people (the reason given for declining), sealed by the
 * application with the customer's data key: from the one list in libs/contracts (`PERSONAL_TEXT.proposal`).
 */
export const PROPOSAL_SEALED_PATHS = sealedPathsOf(
  ['ProposalCreated', 'ProposalSent', 'ProposalAccepted', 'ProposalDeclined', 'ProposalExpired'],
  PERSONAL_TEXT.proposal,
) satisfies Record<ProposalEvent['type'], readonly string[]>;
