import { fold } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import type { RecordReturnVisit } from './record-return-visit';
import {
  returnVisitDecider,
  returnVisitStreamId,
  type ReturnVisitCommand,
  type ReturnVisitContext,
} from './return-visit.decider';
import type { ScheduleReturnVisit } from './schedule-return-visit';
import { type ReturnVisitEvent, SEALED_PATHS } from './return-visit.events';

const V = 'visit-1';
const C = 'cust-1';
/** Friday 2026-03-06, 10:00 in Shanghai. */
const now = new Date('2026-03-06T02:00:00.000Z');
const base: ReturnVisitContext = {
  now,
  today: '2026-03-06',
  policy: { version: 2, afterServiceDays: 3, everyDays: 30 },
  customer: 'active',
};
const spec = (given: readonly ReturnVisitEvent[], context: Partial<ReturnVisitContext> = {}) =>
  deciderSpec(returnVisitDecider, { ...base, ...context }).given(given);
const withPolicy = (
  policy: Partial<NonNullable<ReturnVisitContext['policy']>>,
): Partial<ReturnVisitContext> => ({
  policy: { version: 2, afterServiceDays: 3, everyDays: 30, ...policy },
});

// --- history ----------------------------------------------------------------------------------------------------
const scheduledEvent: ReturnVisitEvent = {
  type: 'ReturnVisitScheduled',
  data: {
    visitId: V,
    customerId: C,
    reason: 'after_service',
    dueOn: '2026-03-09',
    serviceRef: 'WO-2026-0042',
    scheduledAt: now.toISOString(),
    policyVersion: 2,
  },
};
const recorded: ReturnVisitEvent = {
  type: 'ReturnVisitRecorded',
  data: {
    visitId: V,
    customerId: C,
    visitReason: 'after_service',
    outcome: 'unreachable',
    recordedAt: '2026-03-09T03:00:00.000Z',
  },
};
const cancelled: ReturnVisitEvent = {
  type: 'ReturnVisitCancelled',
  data: {
    visitId: V,
    customerId: C,
    visitReason: 'after_service',
    reason: 'Customer moved abroad',
    cancelledAt: '2026-03-07T03:00:00.000Z',
  },
};

// --- commands ---------------------------------------------------------------------------------------------------
const schedule = (overrides: Partial<ScheduleReturnVisit['data']> = {}): ReturnVisitCommand => ({
  type: 'ScheduleReturnVisit',
  data: { visitId: V, customerId: C, reason: 'after_service', ...overrides },
});
const record = (overrides: Partial<RecordReturnVisit['data']> = {}, visitId = V): ReturnVisitCommand => ({
  type: 'RecordReturnVisit',
  data: { visitId, outcome: 'reached', satisfaction: 'satisfied', ...overrides },
});
const cancel = (reason = 'Customer moved abroad', visitId = V): ReturnVisitCommand => ({
  type: 'CancelReturnVisit',
  data: { visitId, reason },
});

describe('return visit decider', () => {
  describe('ScheduleReturnVisit', () => {
    it('schedules a visit after a service with its reference and note, under the policy in force', () => {
      spec([])
        .when(schedule({ serviceRef: ' WO-2026-0042 ', note: '  Ask about the brakes. ' }))
        .then([
          {
            type: 'ReturnVisitScheduled',
            data: {
              visitId: V,
              customerId: C,
              reason: 'after_service',
              dueOn: '2026-03-09',
              serviceRef: 'WO-2026-0042',
              note: 'Ask about the brakes.',
              scheduledAt: now.toISOString(),
              policyVersion: 2,
            },
          },
        ]);
    });

    it.each<[string, ScheduleReturnVisit['data']['reason'], Partial<ReturnVisitContext>, string]>([
      ['on demand: today', 'on_demand', {}, '2026-03-06'],
      ['after a service: today + afterServiceDays', 'after_service', {}, '2026-03-09'],
      [
        'after a service, with 0 days: today',
        'after_service',
        withPolicy({ afterServiceDays: 0 }),
        '2026-03-06',
      ],
      ['periodic: today + everyDays', 'periodic', {}, '2026-04-05'],
      [
        'periodic, yearly, across Feb 29',
        'periodic',
        { today: '2027-03-01', ...withPolicy({ everyDays: 365 }) },
        '2028-02-29',
      ],
    ])('is due by default %s', (_why, reason, context, dueOn) => {
      const [event] = returnVisitDecider.decide(schedule({ reason }), returnVisitDecider.initialState(), {
        ...base,
        ...context,
      });
      expect(event?.data).toMatchObject({ reason, dueOn });
    });

    it.each([
      ['today', '2026-03-06'],
      ['a later day', '2026-12-31'],
    ])('takes a due day given for %s', (_why, dueOn) => {
      const [event] = returnVisitDecider.decide(
        schedule({ reason: 'on_demand', dueOn }),
        returnVisitDecider.initialState(),
        base,
      );
      expect(event?.data).toMatchObject({ dueOn });
    });

    it.each<
      [string, ReturnVisitEvent[], Partial<ReturnVisitContext>, Partial<ScheduleReturnVisit['data']>, string]
    >([
      ['the visit exists', [scheduledEvent], {}, {}, 'CUSTOMERS.VISIT_EXISTS'],
      ['the customer does not exist', [], { customer: 'absent' }, {}, 'CUSTOMERS.CUSTOMER_NOT_FOUND'],
      ['the customer was merged', [], { customer: 'merged' }, {}, 'CUSTOMERS.CUSTOMER_MERGED'],
      ['the customer was erased', [], { customer: 'erased' }, {}, 'CUSTOMERS.CUSTOMER_ERASED'],
      ['the reason is unknown', [], {}, { reason: 'whim' as 'periodic' }, 'CUSTOMERS.INVALID_REASON'],
      [
        'periodic visits are off',
        [],
        withPolicy({ everyDays: null }),
        { reason: 'periodic' },
        'CUSTOMERS.NO_PERIODIC_VISITS',
      ],
      [
        'periodic visits are off, even with a day given',
        [],
        withPolicy({ everyDays: null }),
        { reason: 'periodic', dueOn: '2026-04-01' },
        'CUSTOMERS.NO_PERIODIC_VISITS',
      ],
      ['the due day was yesterday', [], {}, { dueOn: '2026-03-05' }, 'CUSTOMERS.DUE_DATE_PAST'],
      ['the due day does not exist', [], {}, { dueOn: '2026-02-30' }, 'CUSTOMERS.INVALID_DUE_DATE'],
      ['the due day is an instant', [], {}, { dueOn: '2026-03-09T00:00:00Z' }, 'CUSTOMERS.INVALID_DUE_DATE'],
      ['the service reference is blank', [], {}, { serviceRef: ' ' }, 'CUSTOMERS.INVALID_SERVICE_REF'],
      [
        'the service reference is too long',
        [],
        {},
        { serviceRef: 'r'.repeat(101) },
        'CUSTOMERS.INVALID_SERVICE_REF',
      ],
      ['the note is blank', [], {}, { note: '' }, 'CUSTOMERS.INVALID_NOTE'],
      ['the note is too long', [], {}, { note: 'n'.repeat(2_001) }, 'CUSTOMERS.INVALID_NOTE'],
    ])('refuses when %s', (_why, given, context, overrides, code) => {
      spec(given, context).when(schedule(overrides)).thenThrows(code);
    });

    it.each<keyof ReturnVisitContext>(['today', 'policy', 'customer'])(
      'is a wiring error to leave %s out of the context',
      (key) => {
        expect(() =>
          returnVisitDecider.decide(schedule(), returnVisitDecider.initialState(), {
            ...base,
            [key]: undefined,
          }),
        ).toThrow(/needs today, the policy and the customer/);
      },
    );
  });

  describe('RecordReturnVisit', () => {
    const recordedAt = '2026-03-09T03:00:00.000Z';

    it('records a reached customer with satisfaction, feedback, suggestions and a follow-up, trimmed', () => {
      spec([scheduledEvent], { now: new Date(recordedAt) })
        .when(
          record({
            satisfaction: 'very_dissatisfied',
            feedback: ' Brakes squeak again. ',
            suggestions: ' Call before coming. ',
            followUp: { action: ' Book a free check ', dueOn: '2026-03-12' },
          }),
        )
        .then([
          {
            type: 'ReturnVisitRecorded',
            data: {
              visitId: V,
              customerId: C,
              visitReason: 'after_service',
              outcome: 'reached',
              satisfaction: 'very_dissatisfied',
              feedback: 'Brakes squeak again.',
              suggestions: 'Call before coming.',
              followUp: { action: 'Book a free check', dueOn: '2026-03-12' },
              recordedAt,
            },
          },
        ]);
    });

    it.each(['unreachable', 'declined'] as const)(
      'records a customer %s, without satisfaction',
      (outcome) => {
        spec([scheduledEvent], { now: new Date(recordedAt) })
          .when(record({ outcome, satisfaction: undefined }))
          .then([{ ...recorded, data: { ...recorded.data, outcome } }]);
      },
    );

    it('records a follow-up without a day', () => {
      const [event] = returnVisitDecider.decide(
        record({ followUp: { action: 'Send the manual' } }),
        fold(returnVisitDecider.evolve, returnVisitDecider.initialState(), [scheduledEvent]),
        base,
      );
      expect(event?.data).toMatchObject({ followUp: { action: 'Send the manual' } });
    });

    it.each<[string, ReturnVisitEvent[], ReturnVisitCommand, string]>([
      ['the visit does not exist', [], record(), 'CUSTOMERS.VISIT_NOT_FOUND'],
      [
        'the command is for another visit',
        [scheduledEvent],
        record({}, 'visit-2'),
        'CUSTOMERS.VISIT_NOT_FOUND',
      ],
      ['the visit was recorded', [scheduledEvent, recorded], record(), 'CUSTOMERS.VISIT_CLOSED'],
      ['the visit was cancelled', [scheduledEvent, cancelled], record(), 'CUSTOMERS.VISIT_CLOSED'],
    ])('refuses when %s', (_why, given, command, code) => {
      spec(given).when(command).thenThrows(code);
    });

    it.each<[string, Partial<RecordReturnVisit['data']>, string, string]>([
      ['an unknown outcome', { outcome: 'busy' as 'reached' }, 'CUSTOMERS.INVALID_OUTCOME', 'outcome'],
      [
        'a reached customer without satisfaction',
        { satisfaction: undefined },
        'CUSTOMERS.SATISFACTION_REQUIRED',
        'satisfaction',
      ],
      [
        'an unknown satisfaction',
        { satisfaction: 'meh' as 'satisfied' },
        'CUSTOMERS.INVALID_SATISFACTION',
        'satisfaction',
      ],
      [
        'satisfaction of an unreachable customer',
        { outcome: 'unreachable' },
        'CUSTOMERS.SATISFACTION_NOT_EXPECTED',
        'satisfaction',
      ],
      [
        'satisfaction of a customer who declined',
        { outcome: 'declined' },
        'CUSTOMERS.SATISFACTION_NOT_EXPECTED',
        'satisfaction',
      ],
      ['blank feedback', { feedback: '  ' }, 'CUSTOMERS.INVALID_FEEDBACK', 'feedback'],
      ['feedback too long', { feedback: 'f'.repeat(5_001) }, 'CUSTOMERS.INVALID_FEEDBACK', 'feedback'],
      [
        'suggestions too long',
        { suggestions: 's'.repeat(5_001) },
        'CUSTOMERS.INVALID_SUGGESTIONS',
        'suggestions',
      ],
      [
        'a follow-up that is not an object',
        { followUp: null as never },
        'CUSTOMERS.INVALID_FOLLOW_UP',
        'followUp',
      ],
      [
        'a follow-up without action',
        { followUp: { action: ' ' } },
        'CUSTOMERS.INVALID_FOLLOW_UP',
        'followUp.action',
      ],
      [
        'a follow-up action too long',
        { followUp: { action: 'a'.repeat(501) } },
        'CUSTOMERS.INVALID_FOLLOW_UP',
        'followUp.action',
      ],
      [
        'a follow-up on no real day',
        { followUp: { action: 'Call', dueOn: '2026-04-31' } },
        'CUSTOMERS.INVALID_FOLLOW_UP',
        'followUp.dueOn',
      ],
    ])('refuses %s, naming the field', (_why, overrides, code, field) => {
      const state = fold(returnVisitDecider.evolve, returnVisitDecider.initialState(), [scheduledEvent]);
      expect(() => returnVisitDecider.decide(record(overrides), state, base)).toThrow(
        expect.objectContaining({ code, details: { field } }) as Error,
      );
    });
  });

  describe('CancelReturnVisit', () => {
    it('cancels a scheduled visit with a trimmed reason', () => {
      spec([scheduledEvent], { now: new Date(cancelled.data.cancelledAt) })
        .when(cancel('  Customer moved abroad '))
        .then([cancelled]);
    });

    it.each<[string, ReturnVisitEvent[], ReturnVisitCommand, string]>([
      ['the visit does not exist', [], cancel(), 'CUSTOMERS.VISIT_NOT_FOUND'],
      ['the visit was recorded', [scheduledEvent, recorded], cancel(), 'CUSTOMERS.VISIT_CLOSED'],
      ['the visit was cancelled already', [scheduledEvent, cancelled], cancel(), 'CUSTOMERS.VISIT_CLOSED'],
      ['the reason is blank', [scheduledEvent], cancel(' \t '), 'CUSTOMERS.INVALID_REASON'],
      ['the reason is too long', [scheduledEvent], cancel('r'.repeat(501)), 'CUSTOMERS.INVALID_REASON'],
    ])('refuses when %s', (_why, given, command, code) => {
      spec(given).when(command).thenThrows(code);
    });
  });

  describe('a visit of an erased customer', () => {
    it.each<[string, ReturnVisitCommand]>([
      ['recording it reached, with feedback', record({ feedback: 'Very kind' })],
      [
        'recording it unreachable, with nothing to seal',
        record({ outcome: 'unreachable', satisfaction: undefined }),
      ],
      ['cancelling it', cancel()],
    ])('refuses %s: nothing more is kept about them', (_why, command) => {
      spec([scheduledEvent], { customer: 'erased' }).when(command).thenThrows('CUSTOMERS.CUSTOMER_ERASED');
    });

    it('still records a visit of a customer merged into another file', () => {
      spec([scheduledEvent], { now: new Date(recorded.data.recordedAt), customer: 'merged' })
        .when(record({ outcome: 'unreachable', satisfaction: undefined }))
        .then([recorded]);
    });

    it('says the visit is closed before anything about the customer', () => {
      spec([scheduledEvent, recorded], { customer: 'erased' })
        .when(cancel())
        .thenThrows('CUSTOMERS.VISIT_CLOSED');
    });
  });

  describe('evolve', () => {
    const state = (events: ReturnVisitEvent[]) =>
      fold(returnVisitDecider.evolve, returnVisitDecider.initialState(), events);

    it('keeps a scheduled visit without its note', () => {
      expect(state([{ ...scheduledEvent, data: { ...scheduledEvent.data, note: 'secret' } }])).toEqual({
        status: 'scheduled',
        visitId: V,
        customerId: C,
        reason: 'after_service',
        dueOn: '2026-03-09',
        serviceRef: 'WO-2026-0042',
        scheduledAt: now.toISOString(),
        policyVersion: 2,
      });
    });

    it('closes a recorded visit with its outcome and satisfaction', () => {
      const reached: ReturnVisitEvent = {
        ...recorded,
        data: { ...recorded.data, outcome: 'reached', satisfaction: 'satisfied' },
      };
      expect(state([scheduledEvent, reached])).toMatchObject({
        status: 'done',
        outcome: 'reached',
        satisfaction: 'satisfied',
        recordedAt: recorded.data.recordedAt,
      });
    });

    it('closes a cancelled visit', () => {
      expect(state([scheduledEvent, cancelled])).toMatchObject({
        status: 'cancelled',
        cancelledAt: cancelled.data.cancelledAt,
      });
    });

    it('keeps one stream per visit', () => {
      expect(returnVisitStreamId('t1', V)).toBe('return-visit-t1-visit-1');
    });
  });

  describe('SEALED_PATHS', () => {
    const valueAt = (data: unknown, path: string): unknown =>
      path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], data);
    const withEverything: ReturnVisitEvent[] = [
      { ...scheduledEvent, data: { ...scheduledEvent.data, serviceRef: 'r', note: 'n' } },
      { ...recorded, data: { ...recorded.data, feedback: 'f', suggestions: 's', followUp: { action: 'a' } } },
      cancelled,
    ];

    it.each(withEverything.map((e) => [e.type, e] as const))('names text fields of %s', (type, event) => {
      for (const path of SEALED_PATHS[type]) expect(typeof valueAt(event.data, path)).toBe('string');
    });
  });
});
