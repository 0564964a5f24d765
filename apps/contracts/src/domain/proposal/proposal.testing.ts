import { deciderSpec } from '@serviceops/testing';
import { proposalDecider, type ProposalEvent } from './proposal.decider';
import type { ProposalContext } from './proposal.state';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-03-02T01:00:00.000Z');
export const ID = '3c9e6a52-8f1d-4b7a-9e2c-5d4f3a2b1c0d';
export const ctx = (today = '2026-03-02'): ProposalContext => ({ now, today });
export const spec = (given: readonly ProposalEvent[], today?: string) =>
  deciderSpec(proposalDecider, ctx(today)).given(given);

/** An offer: a package of sessions, valid two weeks. */
export const offer = {
  customerId: '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  line: 'driving_practice',
  kind: 'service_package',
  items: [
    {
      kind: 'service',
      description: 'practice session',
      quantity: 10,
      unitPrice: { amount: 20_000, currency: 'CNY' },
    },
  ],
  paymentTerms: 'in full before the first session',
  startDate: '2026-04-01',
  endDate: '2026-09-30',
  validUntil: '2026-03-16',
} as const;

/** A proposal as creating it starts it: what later commands act on. */
export const started: ProposalEvent[] = [
  { type: 'ProposalCreated', data: { proposalId: ID, offer, createdAt: now.toISOString() } },
];
