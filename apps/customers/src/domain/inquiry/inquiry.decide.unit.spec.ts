import { type BusinessCalendar, fold, type WorkingDay } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import type { SalesNeed } from './hand-off-inquiry';
import type { OpenInquiry } from './open-inquiry';
import { INQUIRY_FIELDS } from '@serviceops/contracts';
import { inquiryDecider, inquiryStreamId, type InquiryCommand, type InquiryContext } from './inquiry.decider';
import { type InquiryEvent, SEALED_PATHS } from './inquiry.events';

/** Asia/Shanghai, open 09:00–18:00 Monday to Friday. */
const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workingHours: ([1, 2, 3, 4, 5] as const).map((weekday): WorkingDay => ({
    weekday,
    open: '09:00',
    close: '18:00',
  })),
  holidays: [],
};

const I = 'inq-1';
const C = 'cust-1';
/** Friday 2026-03-06 17:00 in Shanghai: one business hour left that week. */
const friday5pm = new Date('2026-03-06T17:00+08:00');
/** 24 business hours later: Friday 17–18 (1 h), Monday (9 h), Tuesday (9 h), Wednesday 09–14 (5 h). */
const due = '2026-03-11T06:00:00.000Z';

const base: InquiryContext = {
  now: friday5pm,
  calendar: shanghai,
  policy: { version: 3, withinBusinessHours: 24 },
  customer: 'active',
};
const at = (iso: string): Partial<InquiryContext> => ({ now: new Date(iso) });
const spec = (given: readonly InquiryEvent[], context: Partial<InquiryContext> = {}) =>
  deciderSpec(inquiryDecider, { ...base, ...context }).given(given);

// --- history ----------------------------------------------------------------------------------------------------
const received: InquiryEvent = {
  type: 'InquiryReceived',
  data: {
    inquiryId: I,
    customerId: C,
    channel: 'phone',
    subject: 'Rental of a forklift',
    content: 'Do you rent forklifts by the week?',
    receivedAt: friday5pm.toISOString(),
    replyDueAt: due,
    policyVersion: 3,
  },
};
const answered = (answeredAt: string, late: boolean): InquiryEvent => ({
  type: 'InquiryAnswered',
  data: { inquiryId: I, customerId: C, answer: 'Yes, from 800 CNY a week.', answeredAt, late },
});
const wentOverdue: InquiryEvent = {
  type: 'InquiryWentOverdue',
  data: { inquiryId: I, customerId: C, replyDueAt: due, overdueAt: '2026-03-11T06:00:30.000Z' },
};
const need: SalesNeed = { kind: 'equipment', type: 'Forklift, 3 t' };
const handedOff: InquiryEvent = {
  type: 'InquiryHandedOff',
  data: { inquiryId: I, customerId: C, need, handedOffAt: '2026-03-09T02:00:00.000Z' },
};

// --- commands ---------------------------------------------------------------------------------------------------
const open = (overrides: Partial<OpenInquiry['data']> = {}): InquiryCommand => ({
  type: 'OpenInquiry',
  data: {
    inquiryId: I,
    customerId: C,
    channel: 'phone',
    subject: 'Rental of a forklift',
    content: 'Do you rent forklifts by the week?',
    ...overrides,
  },
});
const answer = (text = 'Yes, from 800 CNY a week.', inquiryId = I): InquiryCommand => ({
  type: 'AnswerInquiry',
  data: { inquiryId, answer: text },
});
const markOverdue = (inquiryId = I): InquiryCommand => ({ type: 'MarkInquiryOverdue', data: { inquiryId } });
const handOff = (n: unknown, inquiryId = I): InquiryCommand => ({
  type: 'HandOffInquiryToSales',
  data: { inquiryId, need: n as SalesNeed },
});

describe('inquiry decider', () => {
  describe('OpenInquiry', () => {
    it('receives an inquiry, due in 24 business hours, under the policy in force', () => {
      spec([])
        .when(open({ subject: '  Rental of a forklift ', content: '\nDo you rent forklifts by the week?  ' }))
        .then([received]);
    });

    it.each<[string, string, number, string[], string]>([
      ['Friday 17:00, 24 h: Wednesday 14:00', '2026-03-06T17:00+08:00', 24, [], '2026-03-11T14:00+08:00'],
      [
        '… with Monday a holiday: Thursday 14:00',
        '2026-03-06T17:00+08:00',
        24,
        ['2026-03-09'],
        '2026-03-12T14:00+08:00',
      ],
      ['Saturday 10:00 counts from Monday 09:00', '2026-03-07T10:00+08:00', 24, [], '2026-03-11T15:00+08:00'],
      ['Monday 08:00, 9 h: that day’s closing', '2026-03-02T08:00+08:00', 9, [], '2026-03-02T18:00+08:00'],
      [
        'Friday 17:45, half an hour: Monday 09:15',
        '2026-03-06T17:45+08:00',
        0.5,
        [],
        '2026-03-09T09:15+08:00',
      ],
      [
        'Monday 09:00, 720 h: the 80th working day',
        '2026-03-02T09:00+08:00',
        720,
        [],
        '2026-06-19T18:00+08:00',
      ],
    ])('counts the deadline in business hours: %s', (_why, receivedAt, hours, holidays, expected) => {
      const [event] = inquiryDecider.decide(open(), inquiryDecider.initialState(), {
        ...base,
        now: new Date(receivedAt),
        calendar: { ...shanghai, holidays },
        policy: { version: 1, withinBusinessHours: hours },
      });
      expect(event?.type === 'InquiryReceived' && event.data.replyDueAt).toBe(
        new Date(expected).toISOString(),
      );
    });

    it('records an inquiry answered on the spot, with no deadline and not late', () => {
      spec([], { calendar: undefined })
        .when(open({ channel: 'walk_in', answer: ' Yes, from 800 CNY a week. ' }))
        .then([
          {
            type: 'InquiryReceived',
            data: {
              inquiryId: I,
              customerId: C,
              channel: 'walk_in',
              subject: 'Rental of a forklift',
              content: 'Do you rent forklifts by the week?',
              receivedAt: friday5pm.toISOString(),
              policyVersion: 3,
            },
          },
          answered(friday5pm.toISOString(), false),
        ]);
    });

    it('counts characters, not UTF-16 units: 200 Chinese characters or emoji make a subject', () => {
      for (const subject of [
        '租'.repeat(INQUIRY_FIELDS.subject.schema.maxLength),
        '🚜'.repeat(INQUIRY_FIELDS.subject.schema.maxLength),
      ]) {
        const events = inquiryDecider.decide(open({ subject }), inquiryDecider.initialState(), base);
        expect(events[0]?.data).toMatchObject({ subject });
      }
    });

    it.each<[string, InquiryEvent[], Partial<InquiryContext>, Partial<OpenInquiry['data']>, string]>([
      ['the inquiry exists', [received], {}, {}, 'CUSTOMERS.INQUIRY_EXISTS'],
      ['the customer does not exist', [], { customer: 'absent' }, {}, 'CUSTOMERS.CUSTOMER_NOT_FOUND'],
      ['the customer was merged', [], { customer: 'merged' }, {}, 'CUSTOMERS.CUSTOMER_MERGED'],
      ['the customer was erased', [], { customer: 'erased' }, {}, 'CUSTOMERS.CUSTOMER_ERASED'],
      ['the channel is unknown', [], {}, { channel: 'fax' as 'phone' }, 'CUSTOMERS.INVALID_CHANNEL'],
      ['the subject is blank', [], {}, { subject: '  ' }, 'CUSTOMERS.INVALID_SUBJECT'],
      ['the subject is too long', [], {}, { subject: 's'.repeat(201) }, 'CUSTOMERS.INVALID_SUBJECT'],
      ['the content is empty', [], {}, { content: '' }, 'CUSTOMERS.INVALID_CONTENT'],
      ['the content is too long', [], {}, { content: 'c'.repeat(10_001) }, 'CUSTOMERS.INVALID_CONTENT'],
      ['the answer is blank', [], {}, { answer: ' \n ' }, 'CUSTOMERS.INVALID_ANSWER'],
      ['the answer is too long', [], {}, { answer: 'a'.repeat(10_001) }, 'CUSTOMERS.INVALID_ANSWER'],
    ])('refuses when %s', (_why, given, context, overrides, code) => {
      spec(given, context).when(open(overrides)).thenThrows(code);
    });

    it.each<[string, keyof InquiryContext]>([
      ['the policy', 'policy'],
      ['the customer’s status', 'customer'],
      ['the calendar (to count the deadline)', 'calendar'],
    ])('is a wiring error to leave %s out of the context', (_what, key) => {
      expect(() =>
        inquiryDecider.decide(open(), inquiryDecider.initialState(), { ...base, [key]: undefined }),
      ).toThrow(expect.not.objectContaining({ code: expect.any(String) as unknown }) as Error);
    });
  });

  describe('AnswerInquiry', () => {
    it.each<[string, InquiryEvent[], string, boolean]>([
      ['before the deadline: on time', [received], '2026-03-09T03:00:00.000Z', false],
      ['at the deadline exactly: on time', [received], due, false],
      ['after the deadline, before the timer fired: late', [received], '2026-03-11T06:00:00.001Z', true],
      ['once overdue: late', [received, wentOverdue], '2026-03-12T01:00:00.000Z', true],
    ])('answers %s', (_why, given, now, late) => {
      spec(given, at(now))
        .when(answer('  Yes, from 800 CNY a week.\n'))
        .then([answered(now, late)]);
    });

    it.each<[string, InquiryEvent[], InquiryCommand, string]>([
      ['the inquiry does not exist', [], answer(), 'CUSTOMERS.INQUIRY_NOT_FOUND'],
      [
        'the command is for another inquiry',
        [received],
        answer('Yes', 'inq-2'),
        'CUSTOMERS.INQUIRY_NOT_FOUND',
      ],
      ['it was answered', [received, answered(due, false)], answer(), 'CUSTOMERS.INQUIRY_CLOSED'],
      ['it was handed off to sales', [received, handedOff], answer(), 'CUSTOMERS.INQUIRY_CLOSED'],
      ['the answer is blank', [received], answer('   '), 'CUSTOMERS.INVALID_ANSWER'],
      ['the answer is too long', [received], answer('a'.repeat(10_001)), 'CUSTOMERS.INVALID_ANSWER'],
    ])('refuses when %s', (_why, given, command, code) => {
      spec(given).when(command).thenThrows(code);
    });

    it.each<[string, InquiryEvent[]]>([
      ['open', [received]],
      ['overdue', [received, wentOverdue]],
    ])('refuses to answer an %s inquiry of an erased customer (nothing could be sealed)', (_why, given) => {
      spec(given, { customer: 'erased' }).when(answer()).thenThrows('CUSTOMERS.CUSTOMER_ERASED');
    });

    it('answers the inquiry of a customer merged into another file (the key is kept)', () => {
      spec([received], { ...at('2026-03-09T03:00:00.000Z'), customer: 'merged' })
        .when(answer('Yes, from 800 CNY a week.'))
        .then([answered('2026-03-09T03:00:00.000Z', false)]);
    });

    it('cannot tell without the customer’s status (a handler bug, not a refusal)', () => {
      const state = fold(inquiryDecider.evolve, inquiryDecider.initialState(), [received]);
      expect(() => inquiryDecider.decide(answer(), state, { now: friday5pm })).toThrow(/status is missing/);
    });
  });

  describe('MarkInquiryOverdue', () => {
    it.each<[string, string]>([
      ['at the deadline', due],
      ['after the deadline', '2026-03-11T06:00:30.000Z'],
    ])('marks an open inquiry overdue %s', (_why, now) => {
      spec([received], at(now))
        .when(markOverdue())
        .then([
          {
            type: 'InquiryWentOverdue',
            data: { inquiryId: I, customerId: C, replyDueAt: due, overdueAt: now },
          },
        ]);
    });

    it.each<[string, InquiryEvent[], string]>([
      ['before the deadline', [received], '2026-03-11T05:59:59.999Z'],
      [
        'after the answer',
        [received, answered('2026-03-10T01:00:00.000Z', false)],
        '2026-03-12T00:00:00.000Z',
      ],
      [
        'after a late answer',
        [received, answered('2026-03-11T07:00:00.000Z', true)],
        '2026-03-11T07:00:00.000Z',
      ],
      ['a second time', [received, wentOverdue], '2026-03-11T07:00:00.000Z'],
      ['after the hand-off', [received, handedOff], '2026-03-12T00:00:00.000Z'],
      [
        'for an inquiry answered on the spot',
        [
          { ...received, data: { ...received.data, replyDueAt: undefined } },
          answered(friday5pm.toISOString(), false),
        ],
        '2026-03-12T00:00:00.000Z',
      ],
      ['for an inquiry not there', [], '2026-03-12T00:00:00.000Z'],
    ])('does nothing, without error, %s', (_why, given, now) => {
      spec(given, at(now)).when(markOverdue()).then([]);
    });

    it('does nothing for another inquiry’s timer', () => {
      spec([received], at('2026-03-12T00:00:00.000Z')).when(markOverdue('inq-2')).then([]);
    });
  });

  describe('HandOffInquiryToSales', () => {
    const full: SalesNeed = {
      kind: 'equipment',
      type: ' Forklift, 3 t ',
      line: 'equipment_rental',
      period: { from: '2026-04-01', to: '2026-04-30' },
      place: ' Warehouse 4, Pudong ',
      requirements: ' Operator certificate needed \n',
    };

    it.each<[string, InquiryEvent[]]>([
      ['an open inquiry', [received]],
      ['an overdue inquiry', [received, wentOverdue]],
      ['an answered inquiry', [received, answered(due, false)]],
    ])('hands %s off to sales with its need, trimmed', (_why, given) => {
      spec(given, at('2026-03-12T02:00:00.000Z'))
        .when(handOff({ ...full, extra: 'dropped', period: { ...full.period, extra: 1 } }))
        .then([
          {
            type: 'InquiryHandedOff',
            data: {
              inquiryId: I,
              customerId: C,
              need: {
                kind: 'equipment',
                type: 'Forklift, 3 t',
                line: 'equipment_rental',
                period: { from: '2026-04-01', to: '2026-04-30' },
                place: 'Warehouse 4, Pudong',
                requirements: 'Operator certificate needed',
              },
              handedOffAt: '2026-03-12T02:00:00.000Z',
            },
          },
        ]);
    });

    it('hands off a need of only a kind and a type, for one day', () => {
      const oneDay: SalesNeed = {
        kind: 'service',
        type: 'Driving practice',
        period: { from: '2026-04-01', to: '2026-04-01' },
      };
      spec([received], at('2026-03-09T02:00:00.000Z'))
        .when(handOff(oneDay))
        .then([
          {
            type: 'InquiryHandedOff',
            data: { inquiryId: I, customerId: C, need: oneDay, handedOffAt: '2026-03-09T02:00:00.000Z' },
          },
        ]);
    });

    it.each<[string, InquiryEvent[], string]>([
      ['the inquiry does not exist', [], 'CUSTOMERS.INQUIRY_NOT_FOUND'],
      ['it was handed off already', [received, handedOff], 'CUSTOMERS.INQUIRY_HANDED_OFF'],
      [
        'it was answered and handed off',
        [received, answered(due, false), handedOff],
        'CUSTOMERS.INQUIRY_HANDED_OFF',
      ],
    ])('refuses when %s', (_why, given, code) => {
      spec(given).when(handOff(need)).thenThrows(code);
    });

    it.each<[string, InquiryEvent[]]>([
      ['an open', [received]],
      ['an answered', [received, answered(due, false)]],
    ])('refuses to hand off %s inquiry of an erased customer', (_why, given) => {
      spec(given, { customer: 'erased' }).when(handOff(need)).thenThrows('CUSTOMERS.CUSTOMER_ERASED');
    });

    it.each<[string, unknown, string]>([
      ['no need', null, 'need'],
      ['an unknown kind', { ...need, kind: 'vehicle' }, 'need.kind'],
      ['a blank type', { ...need, type: ' ' }, 'need.type'],
      ['a type too long', { ...need, type: 't'.repeat(201) }, 'need.type'],
      ['an unknown line', { ...need, line: 'catering' }, 'need.line'],
      ['a period that is not an object', { ...need, period: '2026-04' }, 'need.period'],
      [
        'a period from no real date',
        { ...need, period: { from: '2026-02-30', to: '2026-04-01' } },
        'need.period.from',
      ],
      ['a period to no date', { ...need, period: { from: '2026-04-01', to: 'soon' } }, 'need.period.to'],
      ['a blank place', { ...need, place: '' }, 'need.place'],
      ['a place too long', { ...need, place: 'p'.repeat(501) }, 'need.place'],
      ['requirements too long', { ...need, requirements: 'r'.repeat(5_001) }, 'need.requirements'],
    ])('refuses %s, naming the field', (_why, n, field) => {
      expect(() =>
        inquiryDecider.decide(
          handOff(n),
          fold(inquiryDecider.evolve, inquiryDecider.initialState(), [received]),
          base,
        ),
      ).toThrow(expect.objectContaining({ code: 'CUSTOMERS.INVALID_NEED', details: { field } }) as Error);
    });

    it('refuses a period ending before it starts as a rule (422), not a malformed request', () => {
      const reversed = { ...need, period: { from: '2026-04-02', to: '2026-04-01' } };
      expect(() =>
        inquiryDecider.decide(
          handOff(reversed),
          fold(inquiryDecider.evolve, inquiryDecider.initialState(), [received]),
          base,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'CUSTOMERS.NEED_PERIOD_REVERSED',
          details: { field: 'need.period' },
        }) as Error,
      );
    });
  });

  describe('evolve', () => {
    const state = (events: InquiryEvent[]) =>
      fold(inquiryDecider.evolve, inquiryDecider.initialState(), events);

    it('keeps what later decisions need, not the free text', () => {
      expect(state([received])).toEqual({
        status: 'open',
        inquiryId: I,
        customerId: C,
        channel: 'phone',
        receivedAt: friday5pm.toISOString(),
        replyDueAt: due,
        policyVersion: 3,
      });
    });

    it('follows the inquiry through overdue, a late answer and the hand-off', () => {
      expect(
        state([received, wentOverdue, answered('2026-03-12T01:00:00.000Z', true), handedOff]),
      ).toMatchObject({
        status: 'handed_off',
        overdueAt: wentOverdue.data.overdueAt,
        answeredAt: '2026-03-12T01:00:00.000Z',
        late: true,
        handedOffAt: handedOff.data.handedOffAt,
      });
    });

    it('keeps one stream per inquiry', () => {
      expect(inquiryStreamId('t1', I)).toBe('inquiry-t1-inq-1');
    });
  });

  describe('SEALED_PATHS', () => {
    const valueAt = (data: unknown, path: string): unknown =>
      path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], data);
    const withEverything: InquiryEvent[] = [
      received,
      answered(due, false),
      wentOverdue,
      { ...handedOff, data: { ...handedOff.data, need: { ...need, place: 'Pudong', requirements: 'none' } } },
    ];

    it.each(withEverything.map((e) => [e.type, e] as const))('names text fields of %s', (type, event) => {
      for (const path of SEALED_PATHS[type]) expect(typeof valueAt(event.data, path)).toBe('string');
    });
  });
});
