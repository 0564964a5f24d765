import { type AutoDispatchChoice, nextChoice, NO_CANDIDATE, type Refusal } from './auto-dispatch';
import type { Candidate } from './candidates';
import { REQUEST_KINDS, type RequestKind } from '../order/order.state';
import {
  type ChangeDispatchPolicy,
  DEFAULT_DISPATCH_POLICY,
  DEFAULT_SLOT_MINUTES,
  type DispatchPolicyChanged,
  dispatchPolicyDecider,
  skillRulesOf,
  type SlotMinutesRule,
  slotMinutesRulesOf,
} from './dispatch-policy.decider';
import { DEFAULT_SKILLS } from './skills';

const inRunning = (staffId: string, load = 0): Candidate => ({
  staffId,
  inRunning: true,
  reasons: [load === 0 ? 'least_loaded' : `load:${load}`],
  load,
});
const out = (staffId: string, reason: string): Candidate => ({
  staffId,
  inRunning: false,
  reasons: [reason],
  load: 0,
});
const lost = (staffId: string): Refusal => ({ staffId, code: 'ORDERS.DOUBLE_BOOKED' });

describe('auto-dispatch: who is tried next in one attempt', () => {
  const ranked = [inRunning('a'), inRunning('b', 1), out('c', 'expired')];

  it.each<[string, readonly Refusal[], AutoDispatchChoice['action'], string]>([
    ['the top-ranked one first', [], 'dispatch', 'a'],
    ['the next one when the top one was booked meanwhile', [lost('a')], 'dispatch', 'b'],
    ['nobody when each in the running was booked meanwhile', [lost('a'), lost('b')], 'hold', NO_CANDIDATE],
    [
      'nobody past a refusal that is no race lost',
      [{ staffId: 'a', code: 'ORDERS.SLOT_ACROSS_DAYS' }],
      'hold',
      'ORDERS.SLOT_ACROSS_DAYS',
    ],
  ])('%s', (_why, refusals, action, who) => {
    const choice = nextChoice(ranked, refusals);
    expect(choice.action).toBe(action);
    expect(choice.action === 'dispatch' ? choice.staffId : choice.reason).toBe(who);
  });

  it('holds with nobody in the running, each person with the reasons they are out', () => {
    expect(nextChoice([out('c', 'expired'), out('d', 'on_leave')], [])).toEqual({
      action: 'hold',
      reason: NO_CANDIDATE,
      candidates: [
        { staffId: 'c', reasons: ['expired'] },
        { staffId: 'd', reasons: ['on_leave'] },
      ],
    });
  });

  it('shows those lost to a race as booked in the hold', () => {
    const choice = nextChoice(ranked, [lost('a'), lost('b')]);
    expect(choice).toMatchObject({
      candidates: [
        { staffId: 'a', reasons: ['booked'] },
        { staffId: 'b', reasons: ['booked'] },
        { staffId: 'c', reasons: ['expired'] },
      ],
    });
  });
});

describe('the dispatch policy: how long a slot the system books per kind', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');
  const change = (slotMinutes: readonly SlotMinutesRule[]): ChangeDispatchPolicy => ({
    type: 'ChangeDispatchPolicy',
    data: { autoDispatch: true, skills: skillRulesOf(DEFAULT_SKILLS), slotMinutes },
  });
  const decided = (slotMinutes: readonly SlotMinutesRule[]) =>
    dispatchPolicyDecider.evolve(
      DEFAULT_DISPATCH_POLICY,
      dispatchPolicyDecider.decide(change(slotMinutes), DEFAULT_DISPATCH_POLICY, { now })[0] as never,
    ).slotMinutes;

  it('is two hours for every kind by default', () => {
    expect(slotMinutesRulesOf(DEFAULT_DISPATCH_POLICY.slotMinutes)).toEqual(
      REQUEST_KINDS.map((kind) => ({ kind, minutes: 120 })),
    );
  });

  it.each<[string, SlotMinutesRule[], RequestKind, number]>([
    ['a kind stated', [{ kind: 'practice_session', minutes: 45 }], 'practice_session', 45],
    ['a kind left out keeps the default', [{ kind: 'practice_session', minutes: 45 }], 'repair', 120],
    ['the shortest', [{ kind: 'chat', minutes: 15 }], 'chat', 15],
    ['the longest', [{ kind: 'installation', minutes: 480 }], 'installation', 480],
    ['none stated: the defaults', [], 'rental_delivery', 120],
  ])('takes %s', (_why, slotMinutes, kind, minutes) => {
    expect(decided(slotMinutes)[kind]).toBe(minutes);
  });

  it.each<[string, SlotMinutesRule[]]>([
    [
      'a kind twice',
      [
        { kind: 'chat', minutes: 30 },
        { kind: 'chat', minutes: 60 },
      ],
    ],
    ['an unknown kind', [{ kind: 'juggling', minutes: 30 }]],
    ['under a quarter hour', [{ kind: 'chat', minutes: 14 }]],
    ['over a working day', [{ kind: 'repair', minutes: 481 }]],
    ['part of a minute', [{ kind: 'repair', minutes: 90.5 }]],
    ['no minutes', [{ kind: 'repair', minutes: Number.NaN }]],
  ])('refuses %s with 422 DISPATCH_POLICY_REFUSED', (_why, slotMinutes) => {
    expect(() => dispatchPolicyDecider.decide(change(slotMinutes), DEFAULT_DISPATCH_POLICY, { now })).toThrow(
      expect.objectContaining({ code: 'ORDERS.DISPATCH_POLICY_REFUSED' }) as Error,
    );
  });

  it('reads a change recorded before slot lengths were policy as the defaults', () => {
    const { slotMinutes: _none, ...older } = dispatchPolicyDecider.decide(
      change([]),
      DEFAULT_DISPATCH_POLICY,
      {
        now,
      },
    )[0]?.data as DispatchPolicyChanged['data'];
    const policy = dispatchPolicyDecider.evolve(DEFAULT_DISPATCH_POLICY, {
      type: 'DispatchPolicyChanged',
      data: older,
    });
    expect(policy.slotMinutes).toEqual(DEFAULT_SLOT_MINUTES);
  });
});
