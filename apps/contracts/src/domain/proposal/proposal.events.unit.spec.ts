import { PROPOSAL_SEALED_PATHS } from './proposal.events';

// The sealed paths are keyed by the event types the use cases evolve: every event of the proposal.

describe('where a proposal’s events hold personal text', () => {
  it('knows every event type and seals only the reason for declining', () => {
    expect(PROPOSAL_SEALED_PATHS).toEqual({
      ProposalCreated: [],
      ProposalSent: [],
      ProposalAccepted: [],
      ProposalDeclined: ['reason'],
      ProposalExpired: [],
    });
  });
});
