import { deciderSpec } from '@serviceops/testing';
import { separationDecider, type SeparationCommand, type SeparationEvent } from './separation.decider';
import { DEFAULT_NOTICE_DAYS } from './separation.rules';
import type { HandoverItem, SeparationContext } from './separation.state';
import type { MemberState } from '../member/member.state';
import { at, member, now, STAFF } from './separation.testing';

const ctx = (noticeDays = DEFAULT_NOTICE_DAYS, m: MemberState = member): SeparationContext => ({
  now,
  timeZone: 'Asia/Shanghai',
  policy: { noticeDays },
  member: m,
});
const spec = (given: readonly SeparationEvent[], context = ctx()) =>
  deciderSpec(separationDecider, context).given(given);

const resigned: SeparationEvent = {
  type: 'ResignationSubmitted',
  data: { staffId: STAFF, noticeDays: 30, lastDay: '2026-04-01', submittedAt: at },
};
const tick = (item: HandoverItem): SeparationCommand => ({
  type: 'TickHandoverItem',
  data: { staffId: STAFF, item },
});
const ticked = (item: HandoverItem): SeparationEvent => ({
  type: 'HandoverItemTicked',
  data: { staffId: STAFF, item, tickedAt: at },
});

describe('the notice period', () => {
  it('defaults to 30 days (the seeds leave the number blank)', () => {
    expect(DEFAULT_NOTICE_DAYS).toBe(30);
  });

  it.each([
    [30, '2026-04-01'],
    [7, '2026-03-09'],
    [0, '2026-03-02'],
  ])('with %i days of notice the last day is %s', (days, lastDay) => {
    spec([], ctx(days))
      .when({ type: 'ResignStaffMember', data: { staffId: STAFF } })
      .then([
        {
          type: 'ResignationSubmitted',
          data: { staffId: STAFF, noticeDays: days, lastDay, submittedAt: at },
        },
      ]);
  });
});

describe('resignation and dismissal', () => {
  // 00:30 on 3 March in Shanghai is 16:30 UTC on 2 March: "today" is the tenant's calendar day, not UTC's.
  const shanghaiHalfPastMidnight = new Date('2026-03-02T16:30:00.000Z');
  it.each([
    ['Asia/Shanghai', 'DismissStaffMember', '2026-03-03'],
    ['Asia/Shanghai', 'ResignStaffMember', '2026-04-02'],
    ['UTC', 'DismissStaffMember', '2026-03-02'],
    ['UTC', 'ResignStaffMember', '2026-04-01'],
  ] as const)(
    'counts from the tenant’s day: in %s at 16:30 UTC on 2 March, %s has the last day %s',
    (timeZone, type, lastDay) => {
      const [event] = separationDecider.decide(
        { type, data: { staffId: STAFF, reason: 'theft' } },
        separationDecider.initialState(),
        { ...ctx(), now: shanghaiHalfPastMidnight, timeZone },
      );
      expect(event).toMatchObject({ data: { lastDay } });
    },
  );

  it('dismisses today, with the reason', () => {
    spec([])
      .when({ type: 'DismissStaffMember', data: { staffId: STAFF, reason: ' theft ' } })
      .then([
        {
          type: 'StaffMemberDismissed',
          data: { staffId: STAFF, reason: 'theft', lastDay: '2026-03-02', dismissedAt: at },
        },
      ]);
  });

  it.each([
    [
      'a dismissal without a reason',
      [],
      { type: 'DismissStaffMember', data: { staffId: STAFF, reason: ' ' } },
      ctx(),
      'STAFF.REASON_REJECTED',
    ],
    [
      'a second resignation',
      [resigned],
      { type: 'ResignStaffMember', data: { staffId: STAFF } },
      ctx(),
      'STAFF.SEPARATION_EXISTS',
    ],
    [
      'a dismissal after a resignation',
      [resigned],
      { type: 'DismissStaffMember', data: { staffId: STAFF, reason: 'x' } },
      ctx(),
      'STAFF.SEPARATION_EXISTS',
    ],
    [
      'resigning nobody',
      [],
      { type: 'ResignStaffMember', data: { staffId: STAFF } },
      ctx(30, { status: 'absent' }),
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    ],
    ['a tick before any separation', [], tick('customers'), ctx(), 'STAFF.NOT_SEPARATING'],
    [
      'resigning without the staff member at hand',
      [],
      { type: 'ResignStaffMember', data: { staffId: STAFF } },
      { now, timeZone: 'Asia/Shanghai', policy: { noticeDays: 30 } },
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    ],
    [
      'resigning again once erased (they left already)',
      [resigned],
      { type: 'ResignStaffMember', data: { staffId: STAFF } },
      ctx(30, { ...member, status: 'erased', name: '', phone: '' }),
      'STAFF.SEPARATION_EXISTS',
    ],
  ] as const)('refuses %s', (_what, given, command, context, code) => {
    spec(given as readonly SeparationEvent[], context)
      .when(command)
      .thenThrows(code);
  });
});

describe('the handover checklist gates the final settlement', () => {
  const items: HandoverItem[] = ['customers', 'open_orders', 'materials', 'borrowed_tools'];

  it.each(items.map((missing) => [missing]))(
    'does not request the settlement while %s is not ticked',
    (missing) => {
      const others = items.filter((i) => i !== missing);
      const [last, ...first] = others.reverse() as [HandoverItem, ...HandoverItem[]];
      spec([resigned, ...first.map(ticked)])
        .when(tick(last))
        .then([ticked(last)]);
    },
  );

  it('requests it with the last item, in any order', () => {
    spec([resigned, ticked('borrowed_tools'), ticked('customers'), ticked('materials')])
      .when(tick('open_orders'))
      .then([
        ticked('open_orders'),
        {
          type: 'FinalSettlementRequested',
          data: { staffId: STAFF, kind: 'resignation', lastDay: '2026-04-01', requestedAt: at },
        },
      ]);
  });

  it('ticks an item once: again is nothing (and never a second settlement)', () => {
    spec([resigned, ticked('customers')])
      .when(tick('customers'))
      .then([]);
    const settled: SeparationEvent = {
      type: 'FinalSettlementRequested',
      data: { staffId: STAFF, kind: 'resignation', lastDay: '2026-04-01', requestedAt: at },
    };
    spec([resigned, ...items.map(ticked), settled])
      .when(tick('materials'))
      .then([]);
  });
});
