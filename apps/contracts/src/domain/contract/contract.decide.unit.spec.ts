import { deciderSpec } from '@serviceops/testing';
import { DomainError } from '@serviceops/kernel';
import { type ContractKind, versionOn } from '../terms/terms';
import { amendContract } from './amend-contract';
import { closeRenewalFollowUp } from './close-renewal-follow-up';
import { contractDecider, type ContractCommand, type ContractEvent } from './contract.decider';
import { type ContractContext, type ContractState, statusOn } from './contract.state';
import {
  approved,
  AT,
  context,
  CUSTOMER,
  drafted,
  ID,
  leaseTerms,
  packageTerms,
  returned,
  signedBoth,
  signedLease,
  submitted,
  templateRef,
} from './contract.fixtures';
import { draftContract } from './draft-contract';
import { renewContract } from './renew-contract';

const decideContract = contractDecider.decide;
const fold = (events: readonly ContractEvent[]): ContractState =>
  events.reduce(contractDecider.evolve, contractDecider.initialState());
const spec = (given: readonly ContractEvent[], ctx: ContractContext = context()) =>
  deciderSpec(contractDecider, ctx).given(given);
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const BEFORE_START = '2026-03-02';
const STARTED = '2026-04-01';
const AFTER_END = '2027-04-01';

const terminated: ContractEvent = {
  type: 'ContractTerminated',
  data: { contractId: ID, reason: 'customer moved', terminatedBy: 'u1', terminatedAt: AT },
};

/** Every status, as a history and the day it is looked at. */
const STATUSES: Record<string, { given: ContractEvent[]; today: string }> = {
  draft: { given: [drafted()], today: BEFORE_START },
  in_review: { given: [drafted(), submitted], today: BEFORE_START },
  returned: { given: [drafted(), submitted, returned], today: BEFORE_START },
  approved: { given: [drafted(), submitted, approved], today: BEFORE_START },
  signed: { given: signedLease, today: BEFORE_START },
  active: { given: signedLease, today: STARTED },
  suspended: {
    given: [
      ...signedLease,
      { type: 'ContractSuspended', data: { contractId: ID, reason: 'unpaid', suspendedAt: AT } },
    ],
    today: STARTED,
  },
  expired: {
    given: [
      ...signedLease,
      { type: 'ContractExpired', data: { contractId: ID, endDate: '2027-03-31', expiredAt: AT } },
    ],
    today: AFTER_END,
  },
  renewed: {
    given: [
      ...signedLease,
      { type: 'ContractRenewed', data: { contractId: ID, successorId: 's1', renewedAt: AT } },
    ],
    today: STARTED,
  },
  terminated: { given: [...signedLease, terminated], today: STARTED },
  archived: {
    given: [
      ...signedLease,
      terminated,
      { type: 'ContractArchived', data: { contractId: ID, archivedAt: AT } },
    ],
    today: STARTED,
  },
};

const sign = { contractId: ID, party: 'customer', signer: 'Li Lei', method: 'electronic' } as const;
const COMMANDS: Record<string, ContractCommand> = {
  ReviseContract: { type: 'ReviseContract', data: { contractId: ID, terms: leaseTerms } },
  SubmitContractForReview: { type: 'SubmitContractForReview', data: { contractId: ID } },
  ApproveContract: { type: 'ApproveContract', data: { contractId: ID } },
  ReturnContract: { type: 'ReturnContract', data: { contractId: ID, reasons: ['fix the deposit'] } },
  SignContract: { type: 'SignContract', data: sign },
  AmendContract: {
    type: 'AmendContract',
    data: { contractId: ID, amendmentId: 'a1', effectiveFrom: '2026-10-01', changes: { visitsPerYear: 6 } },
  },
  SuspendContract: { type: 'SuspendContract', data: { contractId: ID, reason: 'unpaid rent' } },
  ResumeContract: { type: 'ResumeContract', data: { contractId: ID } },
  TerminateContract: { type: 'TerminateContract', data: { contractId: ID, reason: 'breach', by: 'u1' } },
  RenewContract: { type: 'RenewContract', data: { contractId: ID, successorId: 's2' } },
  ArchiveContract: { type: 'ArchiveContract', data: { contractId: ID } },
};

// The lifecycle, written out: status → the commands it takes and the event each records. A lease is reviewed, so
// SignContract from a draft or a returned lease is refused by the review rule (tested below), not the table.
const LEGAL: Record<string, Record<string, ContractEvent['type']>> = {
  draft: { ReviseContract: 'ContractRevised', SubmitContractForReview: 'ContractSubmittedForReview' },
  in_review: { ApproveContract: 'ContractApproved', ReturnContract: 'ContractReturned' },
  returned: { ReviseContract: 'ContractRevised', SubmitContractForReview: 'ContractSubmittedForReview' },
  approved: { SignContract: 'ContractSignatureRecorded' },
  signed: {
    AmendContract: 'AmendmentProposed',
    TerminateContract: 'ContractTerminated',
    RenewContract: 'ContractRenewed',
  },
  active: {
    AmendContract: 'AmendmentProposed',
    SuspendContract: 'ContractSuspended',
    TerminateContract: 'ContractTerminated',
    RenewContract: 'ContractRenewed',
  },
  suspended: {
    ResumeContract: 'ContractResumed',
    TerminateContract: 'ContractTerminated',
    RenewContract: 'ContractRenewed',
  },
  expired: { ArchiveContract: 'ContractArchived' },
  renewed: { ArchiveContract: 'ContractArchived' },
  terminated: { ArchiveContract: 'ContractArchived' },
  archived: {},
};
const REVIEW_RULE: ReadonlySet<string> = new Set(['draft:SignContract', 'returned:SignContract']);

const rows = Object.keys(STATUSES).flatMap((status) =>
  Object.keys(COMMANDS).map((command) => [status, command, LEGAL[status]?.[command] ?? null] as const),
);

describe('the lifecycle: every command from every status', () => {
  it.each(rows.filter(([, , event]) => event !== null))('%s takes %s → %s', (status, command, event) => {
    const { given, today } = STATUSES[status]!;
    expect(statusOn(fold(given) as never, today)).toBe(status);
    const events = decideContract(COMMANDS[command]!, fold(given), context(today));
    expect(events[0]?.type).toBe(event);
  });

  it.each(rows.filter(([s, c, event]) => event === null && !REVIEW_RULE.has(`${s}:${c}`)))(
    '%s refuses %s with 422 naming the state and the command',
    (status, command) => {
      const { given, today } = STATUSES[status]!;
      try {
        decideContract(COMMANDS[command]!, fold(given), context(today));
        throw new Error('not refused');
      } catch (e) {
        expect(e).toMatchObject({ code: 'CONTRACTS.ILLEGAL_TRANSITION', details: { status, command } });
      }
    },
  );
});

describe('review by policy', () => {
  it.each([
    ['rental_lease', leaseTerms, 'CONTRACTS.REVIEW_REQUIRED'],
    ['service_package', packageTerms, undefined],
  ] as const)('signing a %s draft without review: %s', (kind, terms, code) => {
    const sign1 = () => decideContract(COMMANDS['SignContract']!, fold([drafted(kind, terms)]), context());
    expect(codeOf(sign1)).toBe(code);
  });

  it('a package signed by both parties straight from its draft is signed, with the document hash', () => {
    const given = [drafted('service_package', packageTerms), signedBoth(packageTerms)[0]!];
    const events = decideContract(
      { type: 'SignContract', data: { ...sign, party: 'provider', signer: 'Han Meimei' } },
      fold(given),
      context(),
    );
    expect(events.map((e) => e.type)).toEqual([
      'ContractSignatureRecorded',
      'ContractSigned',
      'ContractEntitlementsPublished',
      'ContractBillingTermsPublished',
    ]);
    expect(events[2]).toMatchObject({
      data: { sessions: { total: 10, left: 10 }, version: 1, customerId: CUSTOMER },
    });
    expect(events[3]).toMatchObject({ data: { itemsTotal: { amount: 200_000, currency: 'CNY' } } });
    expect(events[1]).toMatchObject({ data: { version: 1, effectiveFrom: '2026-04-01' } });
    expect(events[1]?.type === 'ContractSigned' && events[1].data.documentHash).toMatch(/^hash\(\d+\)$/);
  });

  it.each([[{ party: 'witness' }], [{ method: 'fax' }], [{ signer: ' ' }], [{ signer: 'x'.repeat(201) }]])(
    'refuses a signature with %j',
    (change) => {
      const command = { type: 'SignContract', data: { ...sign, ...change } } as ContractCommand;
      spec([drafted(), submitted, approved]).when(command).thenThrows('CONTRACTS.INVALID_TERMS');
    },
  );

  it('one party signs once', () => {
    spec([drafted(), submitted, approved, signedBoth()[0]!])
      .when(COMMANDS['SignContract']!)
      .thenThrows('CONTRACTS.ALREADY_SIGNED_BY_PARTY');
  });
});

describe('required clauses per kind: a draft missing one cannot go to review', () => {
  const cases = Object.entries({
    service_package: ['items', 'fees', 'term', 'breachLiability'],
    maintenance: ['items', 'fees', 'term', 'maintenanceDuties', 'breachLiability'],
    rental_lease: [
      'items',
      'fees',
      'term',
      'delivery',
      'maintenanceDuties',
      'deposit',
      'breachLiability',
      'latePaymentPenalty',
    ],
    warranty: ['items', 'term', 'maintenanceDuties', 'breachLiability'],
  } as const satisfies Record<ContractKind, readonly string[]>).flatMap(([kind, clauses]) =>
    clauses.map((clause) => [kind as ContractKind, clause] as const),
  );

  it.each(cases)('a %s draft without %s is refused, the error naming it', (kind, clause) => {
    const { [clause]: _gone, ...rest } = leaseTerms.clauses;
    const terms = { ...leaseTerms, clauses: rest };
    try {
      decideContract(COMMANDS['SubmitContractForReview']!, fold([drafted(kind, terms)]), context());
      throw new Error('not refused');
    } catch (e) {
      expect(e).toMatchObject({ code: 'CONTRACTS.MISSING_CLAUSE', details: { clause } });
    }
  });

  it.each([
    ['service_package', ['delivery', 'deposit', 'maintenanceDuties', 'latePaymentPenalty']],
    ['warranty', ['fees', 'delivery', 'deposit', 'latePaymentPenalty']],
  ] as const)('a %s does not need %j', (kind, optional) => {
    const clauses = Object.fromEntries(
      Object.entries(leaseTerms.clauses).filter(([k]) => !(optional as readonly string[]).includes(k)),
    );
    const events = decideContract(
      COMMANDS['SubmitContractForReview']!,
      fold([drafted(kind, { ...leaseTerms, clauses })]),
      context(),
    );
    expect(events[0]?.type).toBe('ContractSubmittedForReview');
  });

  it('a blank clause is missing too', () => {
    const terms = { ...leaseTerms, clauses: { ...leaseTerms.clauses, deposit: '   ' } };
    spec([drafted('rental_lease', terms)])
      .when(COMMANDS['SubmitContractForReview']!)
      .thenThrows('CONTRACTS.MISSING_CLAUSE');
  });
});

describe('DraftContract', () => {
  const draft = (terms = leaseTerms): ContractCommand => ({
    type: 'DraftContract',
    data: { contractId: ID, kind: 'rental_lease', customerId: CUSTOMER, line: 'equipment_rental', terms },
  });
  const withTemplate = { ...context(), template: templateRef('rental_lease') };

  it('records the draft with the template version it follows', () => {
    spec([], withTemplate).when(draft()).then([drafted()]);
  });

  it.each([
    ['2026-04-01', '2026-03-31', 'CONTRACTS.END_BEFORE_START'],
    ['2026-04-01', '2026-04-01', undefined],
    ['2026-02-30', '2026-04-01', 'CONTRACTS.INVALID_TERMS'],
  ])('from %s to %s: %s', (startDate, endDate, code) => {
    const run = () => decideContract(draft({ ...leaseTerms, startDate, endDate }), fold([]), withTemplate);
    expect(codeOf(run)).toBe(code);
  });

  it.each([
    [{ quantity: 0 }, 'CONTRACTS.INVALID_TERMS'],
    [{ quantity: 1.5 }, 'CONTRACTS.INVALID_TERMS'],
    [{ unitPrice: { amount: 10.5, currency: 'CNY' } }, 'CONTRACTS.INVALID_TERMS'],
    [{ unitPrice: { amount: -1, currency: 'CNY' } }, 'CONTRACTS.INVALID_TERMS'],
    [{ quantity: 1 }, undefined],
  ])('an item with %j: %s', (change, code) => {
    const items = [{ ...leaseTerms.items[0]!, ...change }];
    expect(codeOf(() => decideContract(draft({ ...leaseTerms, items }), fold([]), withTemplate))).toBe(code);
  });

  it.each([
    ['visitsPerYear 1.5', { visitsPerYear: 1.5 }, 'CONTRACTS.INVALID_TERMS'],
    ['visitsPerYear -1', { visitsPerYear: -1 }, 'CONTRACTS.INVALID_TERMS'],
    ['visitsPerYear 0', { visitsPerYear: 0 }, undefined],
    ['a deposit in cny', { deposit: { amount: 1, currency: 'cny' } }, 'CONTRACTS.INVALID_TERMS'],
    ['a rent of 0.5', { rentPerMonth: { amount: 0.5, currency: 'CNY' } }, 'CONTRACTS.INVALID_TERMS'],
    ['a late fee of 0', { lateFeePerDay: { amount: 0, currency: 'CNY' } }, undefined],
    ['an unknown clause', { clauses: { colour: 'red' } }, 'CONTRACTS.INVALID_TERMS'],
    ['a clause of 10 001 characters', { clauses: { items: 'x'.repeat(10_001) } }, 'CONTRACTS.INVALID_TERMS'],
    ['a clause of 10 000 characters', { clauses: { items: 'x'.repeat(10_000) } }, undefined],
    ['an empty payment schedule', { paymentSchedule: ' ' }, 'CONTRACTS.INVALID_TERMS'],
    ['an item of no kind', { items: [{ ...leaseTerms.items[0]!, kind: 'gift' }] }, 'CONTRACTS.INVALID_TERMS'],
    [
      'an item with no description',
      { items: [{ ...leaseTerms.items[0]!, description: ' ' }] },
      'CONTRACTS.INVALID_TERMS',
    ],
  ])('terms with %s: %s', (_what, change, code) => {
    const terms = { ...leaseTerms, ...change } as typeof leaseTerms;
    expect(codeOf(() => decideContract(draft(terms), fold([]), withTemplate))).toBe(code);
  });

  it.each([
    ['kind', { kind: 'loan' }],
    ['line', { line: 'bakery' }],
  ])('refuses an unknown %s', (_field, change) => {
    const command = { ...draft(), data: { ...draft().data, ...change } } as ContractCommand;
    expect(codeOf(() => decideContract(command, fold([]), withTemplate))).toBe('CONTRACTS.INVALID_TERMS');
  });

  it('refuses a second draft on one stream', () => {
    spec([drafted()], withTemplate).when(draft()).thenThrows('CONTRACTS.CONTRACT_EXISTS');
  });
});

describe('amendments', () => {
  const amend = (effectiveFrom: string, changes: object, amendmentId = 'a1'): ContractCommand => ({
    type: 'AmendContract',
    data: { contractId: ID, amendmentId, effectiveFrom, changes },
  });
  const both = (amendmentId: string): ContractCommand[] =>
    [
      { type: 'SignAmendment', data: { ...sign, party: 'customer' } },
      { type: 'SignAmendment', data: { ...sign, party: 'provider', signer: 'Han Meimei' } },
    ]
      .map((c) => ({ ...c, data: { ...c.data } }) as ContractCommand)
      .filter(() => amendmentId !== '');

  function run(given: ContractEvent[], commands: ContractCommand[], today = STARTED): ContractEvent[] {
    const history = [...given];
    for (const c of commands) history.push(...decideContract(c, fold(history), context(today)));
    return history;
  }

  it('terms in force by date across two amendments (an amendment from the 1st leaves the 14th before alone)', () => {
    const history = run(signedLease, [
      amend('2026-07-01', { rentPerMonth: { amount: 1_200_000, currency: 'CNY' } }),
      ...both('a1'),
      amend('2026-10-01', { endDate: '2027-06-30', clauses: { deposit: 'three months of rent' } }, 'a2'),
      ...both('a2'),
    ]);
    const state = fold(history);
    if (state.status === 'absent') throw new Error('absent');
    expect(state.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-04-01'],
      [2, '2026-07-01'],
      [3, '2026-10-01'],
    ]);
    const on = (date: string) => versionOn(state.versions, date);
    expect(on('2026-03-31')).toBeUndefined();
    expect(on('2026-04-01')?.version).toBe(1);
    expect(on('2026-06-14')?.terms.rentPerMonth?.amount).toBe(1_000_000);
    expect(on('2026-06-30')?.version).toBe(1);
    expect(on('2026-07-01')?.terms.rentPerMonth?.amount).toBe(1_200_000);
    expect(on('2026-09-14')?.terms.clauses.deposit).toBe('two months of rent');
    expect(on('2026-10-01')?.terms).toMatchObject({
      endDate: '2027-06-30',
      rentPerMonth: { amount: 1_200_000 },
      clauses: { deposit: 'three months of rent', delivery: leaseTerms.clauses.delivery },
    });
  });

  it('publishes the new version’s entitlements and billing terms when both signed the amendment', () => {
    const history = run(signedLease, [
      amend('2026-07-01', { rentPerMonth: { amount: 1_200_000, currency: 'CNY' } }),
      ...both('a1'),
    ]);
    expect(history.slice(-2)).toMatchObject([
      {
        type: 'ContractEntitlementsPublished',
        data: {
          version: 2,
          effectiveFrom: '2026-07-01',
          equipment: [{ description: 'excavator EX-200', quantity: 1 }],
        },
      },
      {
        type: 'ContractBillingTermsPublished',
        data: { version: 2, rentPerMonth: { amount: 1_200_000 }, deposit: { amount: 2_000_000 } },
      },
    ]);
  });

  it('one signature keeps the amendment pending; the second makes the new version', () => {
    const history = run(signedLease, [amend('2026-07-01', { visitsPerYear: 6 }), ...both('a1').slice(0, 1)]);
    expect(history.at(-1)?.type).toBe('AmendmentSignatureRecorded');
    const state = fold(history);
    expect(state.status !== 'absent' && state.versions.length).toBe(1);
  });

  it('a second amendment while one waits for signatures is a conflict (409)', () => {
    const history = run(signedLease, [amend('2026-07-01', { visitsPerYear: 6 })]);
    spec(history, context(STARTED))
      .when(amend('2026-08-01', { visitsPerYear: 8 }, 'a2'))
      .thenThrows('CONTRACTS.AMENDMENT_CONFLICT');
  });

  it.each([
    ['2026-04-01', 'CONTRACTS.AMENDMENT_DATE_OUT_OF_TERM'],
    ['2026-04-02', undefined],
    ['2027-03-31', undefined],
    ['2027-04-01', 'CONTRACTS.AMENDMENT_DATE_OUT_OF_TERM'],
    ['2026-13-01', 'CONTRACTS.INVALID_TERMS'],
  ])('effective from %s: %s', (effectiveFrom, code) => {
    expect(
      codeOf(() =>
        decideContract(amend(effectiveFrom, { visitsPerYear: 6 }), fold(signedLease), context(STARTED)),
      ),
    ).toBe(code);
  });

  it.each([
    [{}, 'CONTRACTS.EMPTY_AMENDMENT'],
    [{ clauses: {} }, 'CONTRACTS.EMPTY_AMENDMENT'],
    [{ endDate: '2026-03-01' }, 'CONTRACTS.END_BEFORE_START'],
  ])('changes %j: %s', (changes, code) => {
    expect(
      codeOf(() => decideContract(amend('2026-07-01', changes), fold(signedLease), context(STARTED))),
    ).toBe(code);
  });

  it('an amendment to a draft is an illegal transition', () => {
    spec([drafted()])
      .when(amend('2026-07-01', { visitsPerYear: 6 }))
      .thenThrows('CONTRACTS.ILLEGAL_TRANSITION');
  });

  it('signing an amendment when none waits is refused', () => {
    spec(signedLease, context(STARTED)).when(both('x')[0]!).thenThrows('CONTRACTS.NO_PENDING_AMENDMENT');
  });
});

describe('active on the start date (computed, no timer)', () => {
  it.each([
    ['2026-03-31', 'signed'],
    ['2026-04-01', 'active'],
    ['2027-03-31', 'active'],
  ])('on %s a lease signed for 2026-04-01 is %s', (today, status) => {
    expect(statusOn(fold(signedLease) as never, today)).toBe(status);
  });
});

describe('the timers: expiry notice and expiry', () => {
  const notice: ContractCommand = { type: 'SendExpiryNotice', data: { contractId: ID, followUpOwner: 'u9' } };
  const expire: ContractCommand = { type: 'ExpireContract', data: { contractId: ID } };

  it('sends the notice for the end once, never twice', () => {
    const sent: ContractEvent = {
      type: 'ExpiryNoticeSent',
      data: { contractId: ID, endDate: '2027-03-31', followUpOwner: 'u9', sentAt: AT },
    };
    spec(signedLease, context('2027-02-28')).when(notice).then([sent]);
    spec([...signedLease, sent], context('2027-02-28'))
      .when(notice)
      .then([]);
  });

  it('sends a new notice when an amendment moved the end', () => {
    const sent: ContractEvent = {
      type: 'ExpiryNoticeSent',
      data: { contractId: ID, endDate: '2027-03-31', followUpOwner: 'u9', sentAt: AT },
    };
    const moved: ContractEvent = {
      type: 'AmendmentSigned',
      data: {
        contractId: ID,
        amendmentId: 'a1',
        version: 2,
        effectiveFrom: '2027-03-01',
        terms: { ...leaseTerms, endDate: '2027-09-30' },
        documentHash: 'h2',
        signedAt: AT,
      },
    };
    const events = decideContract(notice, fold([...signedLease, sent, moved]), context('2027-08-31'));
    expect(events).toMatchObject([{ type: 'ExpiryNoticeSent', data: { endDate: '2027-09-30' } }]);
  });

  it.each([
    ['2027-03-31', []],
    ['2027-04-01', ['ContractExpired']],
  ])('on %s the end timer records %j', (today, types) => {
    expect(decideContract(expire, fold(signedLease), context(today)).map((e) => e.type)).toEqual(types);
  });

  it.each(['draft', 'renewed', 'terminated', 'archived'])('does nothing to a %s contract', (status) => {
    const { given } = STATUSES[status]!;
    expect(decideContract(expire, fold(given), context(AFTER_END))).toEqual([]);
    expect(decideContract(notice, fold(given), context(AFTER_END))).toEqual([]);
  });
});

describe('the renewal follow-up: open → done / renewed / dropped', () => {
  const OWNER = 'u9';
  const noticed: ContractEvent = {
    type: 'ExpiryNoticeSent',
    data: { contractId: ID, endDate: '2027-03-31', followUpOwner: OWNER, sentAt: AT },
  };
  const open = [...signedLease, noticed];
  const close = (by: string, asManager = false, outcome: 'done' | 'dropped' = 'done'): ContractCommand => ({
    type: 'CloseRenewalFollowUp',
    data: { contractId: ID, outcome, by, asManager },
  });
  const closed = (outcome: string, closedBy: string): ContractEvent =>
    ({
      type: 'RenewalFollowUpClosed',
      data: { contractId: ID, endDate: '2027-03-31', outcome, closedBy, closedAt: AT },
    }) as ContractEvent;

  it('the notice opens it for its owner', () => {
    const state = fold(open);
    expect(state.status !== 'absent' && state.renewalFollowUp).toEqual({
      owner: OWNER,
      endDate: '2027-03-31',
      status: 'open',
      openedAt: AT,
    });
  });

  it.each([
    ['its owner', OWNER, false, 'done'],
    ['its owner', OWNER, false, 'dropped'],
    ['a manager', 'u1', true, 'done'],
  ] as const)('%s closes it as %s', (_who, by, asManager, outcome) => {
    spec(open, context(STARTED))
      .when(close(by, asManager, outcome))
      .then([closed(outcome, by)]);
  });

  it('anyone else is refused (403)', () => {
    spec(open, context(STARTED)).when(close('u1')).thenThrows('CONTRACTS.FOLLOW_UP_FORBIDDEN');
  });

  it.each([
    ['none was opened', signedLease],
    ['it is closed already', [...open, closed('done', OWNER)]],
  ])('closing when %s is refused (422)', (_when, given) => {
    spec(given, context(STARTED)).when(close(OWNER)).thenThrows('CONTRACTS.NO_OPEN_FOLLOW_UP');
  });

  it('a renewal closes it as renewed', () => {
    const events = decideContract(
      { type: 'RenewContract', data: { contractId: ID, successorId: 's1' } },
      fold(open),
      context(STARTED),
    );
    expect(events.map((e) => e.type)).toEqual(['ContractRenewed', 'RenewalFollowUpClosed']);
    expect(events[1]).toEqual(closed('renewed', 'system'));
  });

  it('the end (no renewal) closes it as dropped', () => {
    const events = decideContract(
      { type: 'ExpireContract', data: { contractId: ID } },
      fold(open),
      context('2027-04-01'),
    );
    expect(events.map((e) => e.type)).toEqual(['ContractExpired', 'RenewalFollowUpClosed']);
    expect(events[1]).toEqual(closed('dropped', 'system'));
  });

  it('a termination closes it as dropped', () => {
    const events = decideContract(
      { type: 'TerminateContract', data: { contractId: ID, reason: 'moved away', by: 'u1' } },
      fold(open),
      context(STARTED),
    );
    expect(events[1]).toEqual(closed('dropped', 'system'));
  });

  it('one closed by its owner is not closed again by the renewal', () => {
    const events = decideContract(
      { type: 'RenewContract', data: { contractId: ID, successorId: 's1' } },
      fold([...open, closed('done', OWNER)]),
      context(STARTED),
    );
    expect(events.map((e) => e.type)).toEqual(['ContractRenewed']);
  });
});

describe('reasons', () => {
  it.each([
    ['ReturnContract', { reasons: ['  '] }, [drafted(), submitted]],
    ['SuspendContract', { reason: ' ' }, signedLease],
    ['TerminateContract', { reason: '', by: 'u1' }, signedLease],
  ] as const)('%s without a reason is refused', (type, data, given) => {
    const command = { type, data: { contractId: ID, ...data } } as ContractCommand;
    spec(given, context(STARTED)).when(command).thenThrows('CONTRACTS.NO_REASON');
  });
});

it('an unknown contract is not found', () => {
  spec([]).when(COMMANDS['ApproveContract']!).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
});

describe('requests as the proto decodes them become commands (`handles`), the new ids the caller’s', () => {
  const caller = { actorId: 'the-owner', newId: 'fresh-id' };
  /** A use case's mapping, as `@HandlesUseCase` and the generic handler call it. */
  const mapped = (
    handles: { command: (request: never, ...caller: never[]) => ContractCommand } | undefined,
  ) => handles?.command as ((request: object, by: typeof caller) => ContractCommand) | undefined;

  it('a draft is the new contract, its customer’s id in lower case, its absent terms empty', () => {
    expect(mapped(draftContract.handles)?.({ kind: 'lease', customerId: 'ABC-D' }, caller)).toEqual({
      type: 'DraftContract',
      data: {
        contractId: 'fresh-id',
        kind: 'lease',
        customerId: 'abc-d',
        line: '',
        terms: {
          startDate: '',
          endDate: '',
          items: [],
          clauses: {},
          rentPerMonth: null,
          deposit: null,
          lateFeePerDay: null,
          visitsPerYear: null,
          paymentSchedule: null,
        },
      },
    });
  });

  it('an amendment is a new one, changing only what the request names', () => {
    const request = { id: ID, effectiveFrom: '2026-06-01', changes: { endDate: '2027-06-30' } };
    expect(mapped(amendContract.handles)?.(request, caller)).toEqual({
      type: 'AmendContract',
      data: {
        contractId: ID,
        amendmentId: 'fresh-id',
        effectiveFrom: '2026-06-01',
        changes: { endDate: '2027-06-30' },
      },
    });
  });

  it('a renewal names its successor by the new id', () => {
    expect(mapped(renewContract.handles)?.({ id: ID, expectedVersion: 4 }, caller)).toEqual({
      type: 'RenewContract',
      data: { contractId: ID, successorId: 'fresh-id' },
    });
  });

  it('a follow-up is closed by the caller, not as a manager until its handler says so from the roles', () => {
    expect(mapped(closeRenewalFollowUp.handles)?.({ id: ID, outcome: 'done' }, caller)).toEqual({
      type: 'CloseRenewalFollowUp',
      data: { contractId: ID, outcome: 'done', by: 'the-owner', asManager: false },
    });
  });
});
