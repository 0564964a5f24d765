import { acceptProposal } from './accept-proposal';
import { createProposal } from './create-proposal';
import { proposalDecider, type ProposalCommand, type ProposalEvent } from './proposal.decider';
import type { ProposalState } from './proposal.state';
import { ctx, ID as P, now, offer, spec } from './proposal.testing';

const decideProposal = proposalDecider.decide;
const at = now.toISOString();
const create: ProposalCommand = { type: 'CreateProposal', data: { proposalId: P, ...offer } };
const created: ProposalEvent = { type: 'ProposalCreated', data: { proposalId: P, offer, createdAt: at } };
const sent: ProposalEvent = {
  type: 'ProposalSent',
  data: { proposalId: P, validUntil: '2026-03-16', sentAt: at },
};
const fold = (events: ProposalEvent[]): ProposalState =>
  events.reduce(proposalDecider.evolve, proposalDecider.initialState());

const STATUSES: Record<string, ProposalEvent[]> = {
  drafted: [created],
  sent: [created, sent],
  accepted: [
    created,
    sent,
    { type: 'ProposalAccepted', data: { proposalId: P, contractId: 'k1', acceptedAt: at } },
  ],
  declined: [
    created,
    sent,
    { type: 'ProposalDeclined', data: { proposalId: P, reason: 'too dear', declinedAt: at } },
  ],
  expired: [
    created,
    sent,
    { type: 'ProposalExpired', data: { proposalId: P, validUntil: '2026-03-16', expiredAt: at } },
  ],
};
const COMMANDS: Record<string, ProposalCommand> = {
  SendProposal: { type: 'SendProposal', data: { proposalId: P } },
  AcceptProposal: { type: 'AcceptProposal', data: { proposalId: P, contractId: 'k1' } },
  DeclineProposal: { type: 'DeclineProposal', data: { proposalId: P, reason: 'too dear' } },
};
const LEGAL: Record<string, Record<string, string>> = {
  drafted: { SendProposal: 'ProposalSent' },
  sent: { AcceptProposal: 'ProposalAccepted', DeclineProposal: 'ProposalDeclined' },
};
const rows = Object.keys(STATUSES).flatMap((s) =>
  Object.keys(COMMANDS).map((c) => [s, c, LEGAL[s]?.[c] ?? null] as const),
);

describe('a proposal: sent → accepted / declined / expired', () => {
  it('records the offer', () => spec([]).when(create).then([created]));

  it.each(rows.filter((r) => r[2] !== null))('%s takes %s → %s', (status, command, event) => {
    expect(decideProposal(COMMANDS[command]!, fold(STATUSES[status]!), ctx())[0]?.type).toBe(event);
  });

  /** An expired proposal's answers are lapsed (as before its timer ran), not illegal transitions. */
  const lapsedAnswer = (status: string, command: string) =>
    status === 'expired' && (command === 'AcceptProposal' || command === 'DeclineProposal');

  it.each(rows.filter((r) => r[2] === null && !lapsedAnswer(r[0], r[1])))(
    '%s refuses %s (422, naming both)',
    (status, command) => {
      expect(() => decideProposal(COMMANDS[command]!, fold(STATUSES[status]!), ctx())).toThrow(
        expect.objectContaining({
          code: 'CONTRACTS.ILLEGAL_PROPOSAL_TRANSITION',
          details: { status, command },
        }) as Error,
      );
    },
  );

  it.each(['AcceptProposal', 'DeclineProposal'])('an expired proposal refuses %s as lapsed', (command) => {
    expect(() => decideProposal(COMMANDS[command]!, fold(STATUSES['expired']!), ctx())).toThrow(
      expect.objectContaining({ code: 'CONTRACTS.PROPOSAL_LAPSED' }) as Error,
    );
  });

  it.each([
    ['2026-03-16', []],
    ['2026-03-17', ['ProposalExpired']],
  ])('the validity timer on %s records %j', (today, types) => {
    expect(
      decideProposal(
        { type: 'ExpireProposal', data: { proposalId: P } },
        fold([created, sent]),
        ctx(today),
      ).map((e) => e.type),
    ).toEqual(types);
  });

  it.each(['drafted', 'accepted', 'declined', 'expired'])(
    'the validity timer leaves a %s proposal alone',
    (status) => {
      expect(
        decideProposal(
          { type: 'ExpireProposal', data: { proposalId: P } },
          fold(STATUSES[status]!),
          ctx('2027-01-01'),
        ),
      ).toEqual([]);
    },
  );

  it.each([
    ['2026-03-16', undefined],
    ['2026-03-17', 'CONTRACTS.PROPOSAL_LAPSED'],
  ])('accepting on %s: %s', (today, code) => {
    const run = () => decideProposal(COMMANDS['AcceptProposal']!, fold([created, sent]), ctx(today));
    if (code) expect(run).toThrow(expect.objectContaining({ code }) as Error);
    else expect(run()).toHaveLength(1);
  });

  it.each([
    [{ items: [] }, 'CONTRACTS.NO_ITEMS'],
    [{ endDate: '2026-03-31' }, 'CONTRACTS.END_BEFORE_START'],
    [
      { items: [{ ...offer.items[0], unitPrice: { amount: 199.5, currency: 'CNY' } }] },
      'CONTRACTS.INVALID_TERMS',
    ],
    [{ validUntil: 'soon' }, 'CONTRACTS.INVALID_PROPOSAL'],
    [{ paymentTerms: ' ' }, 'CONTRACTS.INVALID_PROPOSAL'],
    // Longer than the draft's payment schedule may be (the same rule): refused now, not when the customer accepts.
    [{ paymentTerms: 'x'.repeat(500) + 'x' }, 'CONTRACTS.INVALID_PROPOSAL'],
  ])('refuses an offer with %j: %s', (change, code) => {
    spec([])
      .when({ type: 'CreateProposal', data: { proposalId: P, ...offer, ...change } })
      .thenThrows(code);
  });

  it('refuses a declined proposal without a reason', () => {
    spec([created, sent])
      .when({ type: 'DeclineProposal', data: { proposalId: P, reason: ' ' } })
      .thenThrows('CONTRACTS.NO_REASON');
  });

  it('refuses sending a proposal past its validity', () => {
    spec([created], '2026-03-17').when(COMMANDS['SendProposal']!).thenThrows('CONTRACTS.VALIDITY_PASSED');
  });
});

describe('requests as the proto decodes them become commands (`handles`), the new ids the caller’s', () => {
  const caller = { actorId: 'the-seller', newId: 'fresh-id' };
  /** A use case's mapping, as `@HandlesUseCase` calls it. */
  const mapped = (
    handles: { command: (request: never, ...caller: never[]) => ProposalCommand } | undefined,
  ) => handles?.command as ((request: object, by: typeof caller) => ProposalCommand) | undefined;

  it('a new proposal is the new id, its customer’s id in lower case, what the request leaves out empty', () => {
    expect(mapped(createProposal.handles)?.({ customerId: 'ABC-D', kind: 'maintenance' }, caller)).toEqual({
      type: 'CreateProposal',
      data: {
        proposalId: 'fresh-id',
        customerId: 'abc-d',
        line: '',
        kind: 'maintenance',
        items: [],
        paymentTerms: '',
        startDate: '',
        endDate: '',
        validUntil: '',
      },
    });
  });

  it('an acceptance names the contract it drafts by the new id', () => {
    expect(mapped(acceptProposal.handles)?.({ id: P, expectedVersion: 2 }, caller)).toEqual({
      type: 'AcceptProposal',
      data: { proposalId: P, contractId: 'fresh-id' },
    });
  });
});
