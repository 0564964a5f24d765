import { RULES, type Caller, type Money } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { DEFAULT_CONDUCT_RULES } from './conduct-rules';
import { disciplineDecider } from './discipline.decider';
import { MAX_QUANTITY } from './discipline.rules';
import type { DisciplineContext } from './discipline.state';
import { recordViolation, type RecordViolation } from './record-violation';

const newId = '00000000-0000-4000-8000-0000000000aa';
const STAFF = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const MANAGER = '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b';
const APPROVER = '5c4b3a29-1807-4f6e-9d5c-4b3a29180706';
const caller: Caller = { actorId: MANAGER, newId };
const CNY = (minor: number): Money => ({ amount: minor, currency: 'CNY' });
const ctx: DisciplineContext = {
  now: new Date('2026-03-20T10:00:00.000Z'),
  rules: { version: 4, rules: DEFAULT_CONDUCT_RULES },
  staff: { known: true, dailyPay: CNY(24_000), businessLine: 'after_sales_repair' },
};
const mapping = recordViolation.handles?.command as (request: object, caller: Caller) => RecordViolation;

/** The refusal `decide` throws for `data`, as a plain object (code, message, details). */
function refusal(data: Partial<RecordViolation['data']>, context = ctx) {
  const command: RecordViolation = {
    type: 'RecordViolation',
    data: {
      violationId: newId,
      staffId: STAFF,
      ruleId: 'hygiene',
      occurredAt: '2026-03-20T09:00:00.000Z',
      evidence: 'seen by the shift lead',
      fine: CNY(500),
      recordedBy: MANAGER,
      approverId: MANAGER,
      ...data,
    },
  };
  return refusalOf(() => disciplineDecider.decide(command, disciplineDecider.initialState(), context));
}

describe('RecordViolation: the request made the command', () => {
  it('serves staff.RecordViolation', () => {
    expect(recordViolation.handles?.rpc).toBe('staff.RecordViolation');
  });

  it('names the violation by the id made for the call, the caller as recorder, and passes every field on', () => {
    const request = {
      staffId: STAFF,
      ruleId: 'arguing-with-customer',
      occurredAt: '2026-03-20T09:00:00Z',
      evidence: 'a complaint by phone',
      fine: { amount: '2000', currency: 'CNY' },
      quantity: 2,
      loss: { amount: 16_800, currency: 'CNY' },
      approverId: APPROVER,
    };
    expect(mapping(request, caller)).toEqual({
      type: 'RecordViolation',
      data: {
        violationId: newId,
        staffId: STAFF,
        ruleId: 'arguing-with-customer',
        occurredAt: '2026-03-20T09:00:00Z',
        evidence: 'a complaint by phone',
        fine: CNY(2000),
        quantity: 2,
        loss: CNY(16_800),
        recordedBy: MANAGER,
        approverId: APPROVER,
      },
    });
  });

  it('leaves out what was not sent (proto3 leaves unset fields off): the caller approves', () => {
    expect(mapping({ staffId: STAFF }, caller)).toEqual({
      type: 'RecordViolation',
      data: {
        violationId: newId,
        staffId: STAFF,
        ruleId: '',
        occurredAt: '',
        evidence: '',
        recordedBy: MANAGER,
        approverId: MANAGER,
      },
    });
  });
});

describe('RecordViolation: what each refusal says', () => {
  it('someone who is not a staff member of the tenant, naming them and the field', () => {
    expect(refusal({}, { ...ctx, staff: { known: false, dailyPay: null, businessLine: null } })).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: `no staff member ${STAFF}`,
      details: { field: 'staffId' },
    });
  });

  it.each(['', 'yesterday'])('an occurrence of %j, which is no instant', (occurredAt) => {
    expect(refusal({ occurredAt })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `occurredAt ${RULES.instant.message}`,
      details: { field: 'occurredAt' },
    });
  });

  it('an unknown rule, naming the rules version', () => {
    expect(refusal({ ruleId: 'singing' })).toEqual({
      code: 'STAFF.UNKNOWN_CONDUCT_RULE',
      message: 'no conduct rule singing in version 4',
      details: { field: 'ruleId', rulesVersion: 4 },
    });
  });

  it('a rule outside the person’s line', () => {
    const context = { ...ctx, staff: { known: true, dailyPay: null, businessLine: 'driving_practice' } };
    expect(refusal({ ruleId: 'hiding-complaint', fine: undefined }, context)).toEqual({
      code: 'STAFF.RULE_NOT_IN_LINE_PACK',
      message: 'hiding-complaint is not in the driving_practice pack',
      details: { field: 'ruleId' },
    });
  });

  it('a violation after now, by a millisecond', () => {
    expect(refusal({ occurredAt: '2026-03-20T10:00:00.001Z' })).toEqual({
      code: 'STAFF.VIOLATION_IN_FUTURE',
      message: 'a violation cannot be recorded before it happens',
      details: { field: 'occurredAt' },
    });
    expect(() => refusal({ occurredAt: '2026-03-20T10:00:00.000Z' })).toThrow('not refused');
  });

  it.each([0, MAX_QUANTITY + 1, 1.5])('a quantity of %d', (quantity) => {
    expect(refusal({ ruleId: 'discount-beyond-authority', fine: undefined, quantity })).toEqual({
      code: 'STAFF.QUANTITY_OUT_OF_RANGE',
      message: `quantity is a whole number 1–${MAX_QUANTITY}`,
      details: { field: 'quantity' },
    });
  });

  it('a quantity for a rule fined per occurrence', () => {
    expect(refusal({ ruleId: 'leaving-post-without-cover', fine: undefined, quantity: 2 })).toEqual({
      code: 'STAFF.QUANTITY_NOT_PER_UNIT',
      message: 'leaving-post-without-cover is fined per occurrence: quantity is 1',
      details: { field: 'quantity' },
    });
  });

  it('a loss where the rule charges none', () => {
    expect(refusal({ loss: CNY(1000) })).toEqual({
      code: 'STAFF.LOSS_NOT_CHARGEABLE',
      message: 'hygiene does not charge a loss to the person',
      details: { field: 'loss' },
    });
  });

  it.each([CNY(0), CNY(-1)])('a loss of %j', (loss) => {
    expect(refusal({ ruleId: 'arguing-with-customer', fine: CNY(2000), loss })).toEqual({
      code: 'STAFF.LOSS_NOT_POSITIVE',
      message: 'a loss charged is a positive amount',
      details: { field: 'loss.amount' },
    });
  });

  it('empty evidence', () => {
    expect(refusal({ evidence: ' ' })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `evidence ${RULES.longText.message}`,
      details: { field: 'evidence' },
    });
  });

  it('is a programming error without the rules or the staff facts', () => {
    const message = 'RecordViolation needs the rules in force and the staff facts in its context';
    expect(refusal({}, { now: ctx.now, ...(ctx.staff ? { staff: ctx.staff } : {}) })).toMatchObject({
      message,
    });
    expect(refusal({}, { now: ctx.now, ...(ctx.rules ? { rules: ctx.rules } : {}) })).toMatchObject({
      message,
    });
  });
});

describe('RecordViolation: what it records', () => {
  it('records the quantity, the loss, the trimmed evidence and the training session', () => {
    const [event] = disciplineDecider.decide(
      {
        type: 'RecordViolation',
        data: {
          violationId: newId,
          staffId: STAFF,
          ruleId: 'arguing-with-customer',
          occurredAt: '2026-03-20T17:00:00+08:00',
          evidence: '  a complaint  ',
          fine: CNY(2000),
          loss: CNY(16_800),
          recordedBy: MANAGER,
          approverId: APPROVER,
          trainingSessionId: newId,
        },
      },
      disciplineDecider.initialState(),
      ctx,
    );
    expect(event?.data).toMatchObject({
      occurredAt: '2026-03-20T09:00:00.000Z',
      quantity: 1,
      loss: CNY(16_800),
      evidence: 'a complaint',
      approverId: APPROVER,
      trainingSessionId: newId,
    });
  });
});
