import { proposalDecider } from '../domain/proposal/proposal.decider';
import type { ProposalEvent } from '../domain/proposal/proposal.events';
import { PROPOSAL_STATUS_AFTER } from './proposal-list.projection';

// The list's status per event is the aggregate's: the map agrees with evolve for every event after the first.

const at = '2026-03-02T01:00:00.000Z';
const P = 'p1';
const created: ProposalEvent = {
  type: 'ProposalCreated',
  data: {
    proposalId: P,
    offer: {
      customerId: 'c1',
      line: 'driving_practice',
      kind: 'service_package',
      items: [],
      paymentTerms: 'in full',
      startDate: '2026-04-01',
      endDate: '2026-09-30',
      validUntil: '2026-03-16',
    },
    createdAt: at,
  },
};
const sent: ProposalEvent = {
  type: 'ProposalSent',
  data: { proposalId: P, validUntil: '2026-03-16', sentAt: at },
};
const LATER: Record<keyof typeof PROPOSAL_STATUS_AFTER, ProposalEvent> = {
  ProposalSent: sent,
  ProposalAccepted: { type: 'ProposalAccepted', data: { proposalId: P, contractId: 'k1', acceptedAt: at } },
  ProposalDeclined: { type: 'ProposalDeclined', data: { proposalId: P, reason: 'too dear', declinedAt: at } },
  ProposalExpired: {
    type: 'ProposalExpired',
    data: { proposalId: P, validUntil: '2026-03-16', expiredAt: at },
  },
};

describe('the proposal list', () => {
  it.each(Object.entries(LATER))('lists a proposal after %s as evolve leaves it', (type, event) => {
    const before = type === 'ProposalSent' ? [created] : [created, sent];
    const state = [...before, event].reduce(proposalDecider.evolve, proposalDecider.initialState());
    expect(PROPOSAL_STATUS_AFTER[type as keyof typeof PROPOSAL_STATUS_AFTER]).toBe(state.status);
  });
});
