import { deciderSpec } from '@serviceops/testing';
import type { Money } from '@serviceops/kernel';
import { disciplineDecider, disciplineStreamId, type DisciplineCommand } from './discipline.decider';
import type { DisciplineContext } from './discipline.state';
import type { RecordViolation } from './record-violation';
import type { DisciplineEvent, ViolationRecorded } from './discipline.events';
import { DEFAULT_CONDUCT_RULES, DEFAULT_LADDER_WINDOW_DAYS, defaultRulePack } from './conduct-rules';

const now = new Date('2026-03-20T10:00:00.000Z');
const STAFF = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const MANAGER = '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b';
const CNY = (yuan: number): Money => ({ amount: Math.round(yuan * 100), currency: 'CNY' });
const DAILY_PAY = CNY(240);
const rules = { version: 0, rules: DEFAULT_CONDUCT_RULES };
const context = (over: Partial<DisciplineContext> = {}): DisciplineContext => ({
  now,
  rules,
  staff: { known: true, dailyPay: DAILY_PAY, businessLine: 'after_sales_repair' },
  ...over,
});
const spec = (given: readonly DisciplineEvent[], ctx: DisciplineContext = context()) =>
  deciderSpec(disciplineDecider, ctx).given(given);

let ids = 0;
const record = (
  ruleId: string,
  over: Partial<RecordViolation['data']> = {},
): RecordViolation & { data: { violationId: string } } => ({
  type: 'RecordViolation',
  data: {
    violationId: `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    staffId: STAFF,
    ruleId,
    occurredAt: '2026-03-20T09:00:00.000Z',
    evidence: 'seen by the shift lead',
    recordedBy: MANAGER,
    approverId: MANAGER,
    ...over,
  },
});

/** The events a command records on the history, or the code it is refused with. */
function outcome(command: DisciplineCommand, given: readonly DisciplineEvent[] = [], ctx = context()) {
  const state = given.reduce(disciplineDecider.evolve, disciplineDecider.initialState());
  try {
    return disciplineDecider.decide(command, state, ctx);
  } catch (e) {
    return (e as { code: string }).code;
  }
}
const fineOf = (events: ReturnType<typeof outcome>): Money | string =>
  typeof events === 'string' ? events : (events[0] as ViolationRecorded).data.fine;

/** `n` earlier standing violations of a rule, `daysBefore` days before now each. */
function earlier(ruleId: string, daysBefore: readonly number[]): ViolationRecorded[] {
  return daysBefore.map((d, i) => ({
    type: 'ViolationRecorded',
    data: {
      violationId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      staffId: STAFF,
      ruleId,
      rulesVersion: 0,
      occurredAt: new Date(Date.parse('2026-03-20T09:00:00.000Z') - d * 86_400_000).toISOString(),
      recordedAt: now.toISOString(),
      offence: i + 1,
      quantity: 1,
      fine: CNY(5),
      loss: null,
      evidence: 'earlier',
      recordedBy: MANAGER,
      approverId: MANAGER,
      trainingSessionId: null,
    },
  }));
}

describe('the default rule pack (seeds/001, issue 13 item 4)', () => {
  // Every rule of the pack: its fine, the approver's pick at both ends of a range, and what is refused.
  it.each<[string, 'fixed' | 'range' | 'price' | 'ladder', number, number]>([
    ['dress-and-grooming', 'ladder', 5, 5],
    ['hygiene', 'range', 5, 20],
    ['resting-in-work-area', 'range', 10, 20],
    ['greeting-customers-and-superiors', 'range', 5, 20],
    ['welcoming-and-seeing-off', 'range', 5, 20],
    ['arguing-with-customer', 'range', 20, 200],
    ['lost-property-not-handed-in', 'range', 20, 200],
    ['leaving-post-without-cover', 'fixed', 20, 20],
    ['running-or-shouting', 'range', 5, 10],
    ['missed-meeting-or-training', 'fixed', 5, 5],
    ['arguing-with-superior-in-public', 'range', 50, 100],
    ['eating-on-duty', 'range', 50, 200],
    ['unfamiliar-with-offer', 'range', 5, 50],
    ['under-recording-orders', 'range', 50, 100],
    ['taking-company-property', 'range', 50, 100],
    ['equipment-left-on', 'range', 5, 20],
    ['equipment-left-on-at-closing', 'fixed', 20, 20],
    ['spoiled-food-served', 'range', 50, 100],
    ['hiding-complaint', 'fixed', 20, 20],
    ['discount-beyond-authority', 'fixed', 20, 20],
    ['accident-repair-under-margin', 'fixed', 50, 50],
    ['accident-quote-unsigned', 'fixed', 30, 30],
    ['special-tool-not-returned', 'price', 1, 1],
  ])('%s: a %s fine of %d–%d CNY, citing its source', (ruleId, kind, min, max) => {
    const rule = DEFAULT_CONDUCT_RULES.rules.find((r) => r.id === ruleId);
    expect(rule?.fine.kind).toBe(kind);
    expect(rule?.source).toMatch(/^seeds\/001_ed3e06f1a40ab183\.txt .+\(line \d+\): /);
    switch (kind) {
      case 'fixed':
      case 'ladder':
        expect(fineOf(outcome(record(ruleId)))).toEqual(CNY(min));
        expect(fineOf(outcome(record(ruleId, { fine: CNY(min) })))).toEqual(CNY(min));
        expect(outcome(record(ruleId, { fine: CNY(min + 1) }))).toBe('STAFF.FINE_NOT_AS_RULE');
        expect(outcome(record(ruleId, { fine: CNY(min - 1) }))).toBe('STAFF.FINE_NOT_AS_RULE');
        break;
      case 'range':
        expect(fineOf(outcome(record(ruleId, { fine: CNY(min) })))).toEqual(CNY(min));
        expect(fineOf(outcome(record(ruleId, { fine: CNY(max) })))).toEqual(CNY(max));
        expect(outcome(record(ruleId, { fine: CNY(min - 0.01) }))).toBe('STAFF.FINE_OUT_OF_RANGE');
        expect(outcome(record(ruleId, { fine: CNY(max + 0.01) }))).toBe('STAFF.FINE_OUT_OF_RANGE');
        expect(outcome(record(ruleId))).toBe('STAFF.FINE_AMOUNT_REQUIRED');
        break;
      case 'price':
        expect(fineOf(outcome(record(ruleId, { fine: CNY(1280) })))).toEqual(CNY(1280));
        expect(outcome(record(ruleId))).toBe('STAFF.FINE_AMOUNT_REQUIRED');
        expect(outcome(record(ruleId, { fine: CNY(0) }))).toBe('STAFF.FINE_AMOUNT_REQUIRED');
        break;
    }
  });

  it('holds exactly the rules above, with unique ids', () => {
    const ids = DEFAULT_CONDUCT_RULES.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(23);
    expect(DEFAULT_CONDUCT_RULES.currency).toBe('CNY');
  });

  it.each([
    ['after_sales_repair', 23],
    ['driving_practice', 18],
    ['companion_chat', 18],
    ['equipment_rental', 18],
  ] as const)('gives the %s line a pack of %d rules', (line, count) => {
    expect(defaultRulePack(line)).toHaveLength(count);
  });

  it.each([
    ['hiding-complaint', 'driving_practice', 'STAFF.RULE_NOT_IN_LINE_PACK'],
    ['special-tool-not-returned', 'companion_chat', 'STAFF.RULE_NOT_IN_LINE_PACK'],
  ])('refuses %s for a person of the %s line', (ruleId, line, code) => {
    const ctx = context({ staff: { known: true, dailyPay: DAILY_PAY, businessLine: line } });
    expect(outcome(record(ruleId, { fine: CNY(20) }), [], ctx)).toBe(code);
  });

  it.each([
    ['per order: 3 orders', 'discount-beyond-authority', 3, CNY(60)],
    ['per area: 2 areas', 'equipment-left-on-at-closing', 2, CNY(40)],
    ['per order: the margin rule, 2 orders', 'accident-repair-under-margin', 2, CNY(100)],
  ])('multiplies a fixed fine %s', (_why, ruleId, quantity, fine) => {
    expect(fineOf(outcome(record(ruleId, { quantity })))).toEqual(fine);
  });

  it('refuses a person who is not a known staff member of the tenant (404)', () => {
    const ctx = context({ staff: { known: false, dailyPay: null, businessLine: null } });
    expect(outcome(record('hygiene', { fine: CNY(5) }), [], ctx)).toBe('STAFF.STAFF_MEMBER_NOT_FOUND');
  });

  it.each([0, 101, 2.5])('refuses a quantity of %d', (quantity) => {
    expect(outcome(record('discount-beyond-authority', { quantity }))).toBe('STAFF.QUANTITY_OUT_OF_RANGE');
  });

  it('takes up to 100 orders in one fine', () => {
    expect(fineOf(outcome(record('discount-beyond-authority', { quantity: 100 })))).toEqual(CNY(2000));
  });

  it.each([CNY(0), CNY(-5)])('refuses a loss of %j', (loss) => {
    expect(outcome(record('arguing-with-customer', { fine: CNY(20), loss }))).toBe('STAFF.LOSS_NOT_POSITIVE');
  });

  it('refuses a quantity for a rule fined per occurrence', () => {
    expect(outcome(record('leaving-post-without-cover', { quantity: 2 }))).toBe(
      'STAFF.QUANTITY_NOT_PER_UNIT',
    );
  });

  it.each([
    ['arguing-with-customer', CNY(20), CNY(168), CNY(168)],
    ['equipment-left-on-at-closing', undefined, CNY(30), CNY(30)],
  ])('charges the loss %s caused to the person', (ruleId, fine, loss, charged) => {
    const events = outcome(record(ruleId, { ...(fine ? { fine } : {}), loss }));
    expect(typeof events === 'string' ? events : (events[0] as ViolationRecorded).data.loss).toEqual(charged);
  });

  it('refuses a loss where the rule charges none', () => {
    expect(outcome(record('hygiene', { fine: CNY(5), loss: CNY(10) }))).toBe('STAFF.LOSS_NOT_CHARGEABLE');
  });

  it('refuses a fine in another currency than the rules’', () => {
    expect(outcome(record('hygiene', { fine: { amount: 500, currency: 'USD' } }))).toBe(
      'STAFF.FINE_CURRENCY_MISMATCH',
    );
  });

  it.each([
    ['an unknown rule', record('singing'), 'STAFF.UNKNOWN_CONDUCT_RULE'],
    [
      'a violation in the future',
      record('hygiene', { fine: CNY(5), occurredAt: '2026-03-20T10:00:01.000Z' }),
      'STAFF.VIOLATION_IN_FUTURE',
    ],
    [
      'an occurrence that is no instant',
      record('hygiene', { fine: CNY(5), occurredAt: 'yesterday' }),
      'STAFF.INVALID_TEXT',
    ],
    ['empty evidence', record('hygiene', { fine: CNY(5), evidence: '  ' }), 'STAFF.INVALID_TEXT'],
  ])('refuses %s', (_why, command, code) => {
    expect(outcome(command)).toBe(code);
  });

  it('records the whole decision: rule, version applied, offence, fine, who recorded and approved', () => {
    const command = record('running-or-shouting', { fine: CNY(8) });
    spec([], context({ rules: { version: 3, rules: DEFAULT_CONDUCT_RULES } }))
      .when(command)
      .then([
        {
          type: 'ViolationRecorded',
          data: {
            violationId: command.data.violationId,
            staffId: STAFF,
            ruleId: 'running-or-shouting',
            rulesVersion: 3,
            occurredAt: '2026-03-20T09:00:00.000Z',
            recordedAt: now.toISOString(),
            offence: 1,
            quantity: 1,
            fine: CNY(8),
            loss: null,
            evidence: 'seen by the shift lead',
            recordedBy: MANAGER,
            approverId: MANAGER,
            trainingSessionId: null,
          },
        },
      ]);
  });

  it('records a violation id once (a retry or a timer firing again adds nothing)', () => {
    const command = record('missed-meeting-or-training');
    const first = outcome(command) as DisciplineEvent[];
    spec(first).when(command).then([]);
  });
});

describe('the ladder: 5 CNY, half a day’s pay, a full day’s, within the period', () => {
  const W = DEFAULT_LADDER_WINDOW_DAYS;
  it.each<[string, number[], number, Money | string]>([
    ['first offence', [], 1, CNY(5)],
    ['second offence within the window', [10], 2, CNY(120)],
    ['third offence within the window', [20, 10], 3, CNY(240)],
    ['fourth offence: the last step again', [25, 20, 10], 4, CNY(240)],
    ['a repeat just inside the window (a minute short of it)', [W - 1 / 1440], 2, CNY(120)],
    ['a repeat exactly a window later starts again', [W], 1, CNY(5)],
    ['a repeat just outside the window starts again', [W + 1 / 1440], 1, CNY(5)],
    ['only offences inside the window count', [W + 5, 3], 2, CNY(120)],
    ['two at the very same moment: the second is the second', [0], 2, CNY(120)],
  ])('%s', (_why, daysBefore, offence, fine) => {
    const events = outcome(record('dress-and-grooming'), earlier('dress-and-grooming', daysBefore));
    expect(fineOf(events)).toEqual(fine);
    if (typeof events !== 'string') expect((events[0] as ViolationRecorded).data.offence).toBe(offence);
  });

  it('climbs within 30 days', () => {
    expect(DEFAULT_LADDER_WINDOW_DAYS).toBe(30);
    expect(DEFAULT_CONDUCT_RULES.rules.find((r) => r.id === 'dress-and-grooming')?.fine).toMatchObject({
      windowDays: 30,
    });
  });

  it('does not count an offence that happened after this one (recorded before it)', () => {
    const later: ViolationRecorded = {
      ...earlier('dress-and-grooming', [0])[0]!,
      data: { ...earlier('dress-and-grooming', [0])[0]!.data, occurredAt: '2026-03-20T09:00:01.000Z' },
    };
    expect(fineOf(outcome(record('dress-and-grooming'), [later]))).toEqual(CNY(5));
  });

  it('rounds half a day’s pay to the minor unit, half away from zero', () => {
    const ctx = context({
      staff: { known: true, dailyPay: { amount: 23_901, currency: 'CNY' }, businessLine: null },
    });
    expect(fineOf(outcome(record('dress-and-grooming'), earlier('dress-and-grooming', [1]), ctx))).toEqual({
      amount: 11_951,
      currency: 'CNY',
    });
  });

  it('does not count an overturned offence', () => {
    const [first] = earlier('dress-and-grooming', [2]);
    const overturned: DisciplineEvent = {
      type: 'AppealDecided',
      data: {
        violationId: first!.data.violationId,
        staffId: STAFF,
        outcome: 'overturned',
        reason: 'was on leave',
        decidedAt: now.toISOString(),
        decidedBy: MANAGER,
        fine: CNY(5),
        loss: null,
      },
    };
    expect(fineOf(outcome(record('dress-and-grooming'), [first!, overturned]))).toEqual(CNY(5));
  });

  it('does not count other rules', () => {
    expect(fineOf(outcome(record('dress-and-grooming'), earlier('hygiene', [1, 2])))).toEqual(CNY(5));
  });

  it('refuses a step that needs the daily pay when the pay is unknown (422 code)', () => {
    const ctx = context({ staff: { known: true, dailyPay: null, businessLine: null } });
    expect(outcome(record('dress-and-grooming'), earlier('dress-and-grooming', [1]), ctx)).toBe(
      'STAFF.DAILY_PAY_UNKNOWN',
    );
    expect(fineOf(outcome(record('dress-and-grooming'), [], ctx))).toEqual(CNY(5));
  });
});

describe('appeals and rewards', () => {
  const [violation] = earlier('hygiene', [1]);
  const decide = (outcomeName: string, reason = 'CCTV shows otherwise'): DisciplineCommand => ({
    type: 'DecideAppeal',
    data: {
      staffId: STAFF,
      violationId: violation!.data.violationId,
      outcome: outcomeName,
      reason,
      decidedBy: MANAGER,
    },
  });

  it.each(['upheld', 'overturned'])('records an appeal %s, with its reason and what it concerns', (o) => {
    spec([violation!])
      .when(decide(o))
      .then([
        {
          type: 'AppealDecided',
          data: {
            violationId: violation!.data.violationId,
            staffId: STAFF,
            outcome: o as 'upheld' | 'overturned',
            reason: 'CCTV shows otherwise',
            decidedAt: now.toISOString(),
            decidedBy: MANAGER,
            fine: CNY(5),
            loss: null,
          },
        },
      ]);
  });

  it.each<[string, DisciplineEvent[], DisciplineCommand, string]>([
    ['an appeal on an unknown violation', [], decide('upheld'), 'STAFF.VIOLATION_NOT_FOUND'],
    ['a second decision', [violation!], decide('upheld'), 'STAFF.APPEAL_ALREADY_DECIDED'],
    ['an unknown outcome', [violation!], decide('maybe'), 'STAFF.INVALID_TEXT'],
    ['an appeal without a reason', [violation!], decide('overturned', ' '), 'STAFF.INVALID_TEXT'],
  ])('refuses %s', (_why, given, command, code) => {
    const history =
      _why === 'a second decision'
        ? [...given, ...(outcome(decide('upheld'), given) as DisciplineEvent[])]
        : given;
    spec(history).when(command).thenThrows(code);
  });

  const reward = (amount: Money, rewardId = 'a1b2c3d4-0000-4000-8000-000000000001'): DisciplineCommand => ({
    type: 'GrantReward',
    data: { rewardId, staffId: STAFF, amount, reason: 'top of the March ranking', grantedBy: MANAGER },
  });

  it('grants a reward once', () => {
    const granted = outcome(reward(CNY(300))) as DisciplineEvent[];
    expect(granted).toEqual([
      {
        type: 'RewardGranted',
        data: {
          rewardId: 'a1b2c3d4-0000-4000-8000-000000000001',
          staffId: STAFF,
          amount: CNY(300),
          reason: 'top of the March ranking',
          grantedAt: now.toISOString(),
          grantedBy: MANAGER,
        },
      },
    ]);
    spec(granted)
      .when(reward(CNY(300)))
      .then([]);
  });

  it('refuses a reward for someone who is not a staff member of the tenant (404)', () => {
    spec([], context({ staff: { known: false, dailyPay: null, businessLine: null } }))
      .when(reward(CNY(300)))
      .thenThrows('STAFF.STAFF_MEMBER_NOT_FOUND');
  });

  it.each([CNY(0), CNY(-1), { amount: 0.5, currency: 'CNY' }])('refuses a reward of %j', (amount) => {
    spec([]).when(reward(amount)).thenThrows('STAFF.REWARD_NOT_POSITIVE');
  });

  it('keeps one register per person and tenant', () => {
    expect(disciplineStreamId('t1', STAFF)).toBe(`staff-discipline-t1-${STAFF}`);
  });
});
