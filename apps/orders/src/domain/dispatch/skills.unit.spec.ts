import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { Role } from '@serviceops/contracts';
import type { OrderEvent } from '../order/order.events';
import { orderDecider } from '../order/order.decider';
import type { RequestKind } from '../order/order.state';
import { autoDispatchSlot, nextAttemptAt } from './auto-dispatch';
import { rankCandidates, type StaffFacts } from './candidates';
import {
  DEFAULT_DISPATCH_POLICY,
  dispatchPolicyDecider,
  skillRulesOf,
  type ChangeDispatchPolicy,
  type SkillRule,
} from './dispatch-policy.decider';
import { DEFAULT_SKILLS, skilledFor } from './skills';

describe('skilled for the kind (the default table)', () => {
  it.each<[RequestKind, Role, boolean]>([
    ['practice_session', 'coach', true],
    ['practice_session', 'technician', false],
    ['repair', 'technician', true],
    ['repair', 'coach', false],
    ['maintenance', 'technician', true],
    ['installation', 'technician', true],
    ['user_training', 'technician', true],
    ['warranty_return', 'technician', true],
    ['warranty_return', 'companion', false],
    ['chat', 'companion', true],
    ['chat', 'technician', false],
    ['rental_delivery', 'technician', true],
    ['rental_visit', 'technician', true],
    ['rental_return', 'technician', true],
    ['rental_return', 'customer_service_agent', false],
  ])('%s by a %s: %s', (kind, role, skilled) => {
    expect(skilledFor(kind, role, DEFAULT_SKILLS)).toEqual({
      skilled,
      reasons: skilled ? [] : [`not_skilled_for:${kind}`],
      by: 'role',
    });
  });

  it('follows the tenant’s table, not the defaults', () => {
    const skills = { ...DEFAULT_SKILLS, repair: ['technician', 'workshop_manager'] as const };
    expect(skilledFor('repair', 'workshop_manager', skills).skilled).toBe(true);
    expect(skilledFor('repair', 'workshop_manager', DEFAULT_SKILLS).skilled).toBe(false);
  });

  it('does not judge a person whose hire orders never saw; a kind the table lacks is nobody’s', () => {
    expect(skilledFor('repair', undefined, DEFAULT_SKILLS)).toEqual({ skilled: true, reasons: [] });
    expect(skilledFor('juggling', 'technician', DEFAULT_SKILLS).skilled).toBe(false);
  });
});

describe('skilled by their own list, else by their role', () => {
  it.each<
    [
      string,
      RequestKind,
      Role | undefined,
      readonly string[] | undefined,
      boolean,
      string[],
      string | undefined,
    ]
  >([
    ['listed for it, whatever the role', 'repair', 'coach', ['repair'], true, [], 'list'],
    ['listed for it, the hire never seen', 'chat', undefined, ['chat', 'repair'], true, [], 'list'],
    [
      'a list without it, though the role has it',
      'repair',
      'technician',
      ['maintenance'],
      false,
      ['not_in_skill_list:repair'],
      'list',
    ],
    [
      'a list without it, the hire never seen',
      'repair',
      undefined,
      ['chat'],
      false,
      ['not_in_skill_list:repair'],
      'list',
    ],
    ['no list: by the role', 'repair', 'technician', undefined, true, [], 'role'],
    ['a cleared (empty) list: by the role', 'repair', 'technician', [], true, [], 'role'],
    ['no list, a role without it', 'repair', 'coach', undefined, false, ['not_skilled_for:repair'], 'role'],
    [
      'a cleared list, a role without it',
      'practice_session',
      'technician',
      [],
      false,
      ['not_skilled_for:practice_session'],
      'role',
    ],
    ['neither a list nor a role: not judged', 'repair', undefined, undefined, true, [], undefined],
  ])('%s', (_why, kind, role, listed, skilled, reasons, by) => {
    expect(skilledFor(kind, role, DEFAULT_SKILLS, listed)).toEqual({
      skilled,
      reasons,
      ...(by === undefined ? {} : { by }),
    });
  });
});

describe('candidates for a repair, with the reason each is in or out', () => {
  const slot = { start: '2026-03-10T02:00:00.000Z', end: '2026-03-10T04:00:00.000Z' };
  const person = (staffId: string, role?: Role, over: Partial<StaffFacts> = {}): StaffFacts => ({
    staffId,
    eligibility: [{ staffId, eligible: true, reasons: [], since: '2026-01-05T00:00:00.000Z' }],
    booked: [],
    load: 0,
    ...(role === undefined ? {} : { role }),
    ...over,
  });
  it('says whether each is skilled by their own list or by their role, in or out', () => {
    const ranked = rankCandidates(
      [
        person('a-coach-listed', 'coach', { skills: ['repair', 'chat'], load: 1 }),
        person('b-tech', 'technician'),
        person('c-tech-listed-otherwise', 'technician', { skills: ['maintenance'] }),
        person('d-coach', 'coach', { skills: [] }),
        person('e-unknown'),
      ],
      slot,
      { kind: 'repair', skills: DEFAULT_SKILLS },
    );
    expect(ranked.map((c) => [c.staffId, c.inRunning, c.reasons])).toEqual([
      ['b-tech', true, ['least_loaded', 'skilled_by:role']],
      ['e-unknown', true, ['least_loaded']],
      ['a-coach-listed', true, ['load:1', 'skilled_by:list']],
      ['c-tech-listed-otherwise', false, ['not_in_skill_list:repair']],
      ['d-coach', false, ['not_skilled_for:repair']],
    ]);
  });

  it('puts the unskilled out with `not_skilled_for:<kind>`, the skilled ranked by load', () => {
    const ranked = rankCandidates(
      [
        person('a-coach', 'coach'),
        person('b-tech-busy', 'technician', { load: 2 }),
        person('c-tech', 'technician', { load: 1 }),
        person('d-companion-expired', 'companion', {
          eligibility: [
            {
              staffId: 'd',
              eligible: false,
              reasons: [{ reason: 'expired' }],
              since: '2026-01-05T00:00:00.000Z',
            },
          ],
        }),
      ],
      slot,
      { kind: 'repair', skills: DEFAULT_SKILLS },
    );
    expect(ranked.map((c) => [c.staffId, c.inRunning, c.reasons])).toEqual([
      ['c-tech', true, ['least_loaded', 'skilled_by:role']],
      ['b-tech-busy', true, ['load:2', 'skilled_by:role']],
      ['a-coach', false, ['not_skilled_for:repair']],
      ['d-companion-expired', false, ['expired', 'not_skilled_for:repair']],
    ]);
  });
});

describe('dispatch to an unskilled person', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');
  const registered = {
    type: 'RequestRegistered',
    data: {
      orderId: 'o-1',
      customerId: 'c-1',
      line: 'driving_practice',
      kind: 'practice_session',
      serviceType: 'paid',
      wantedAt: '2026-03-10T02:00:00.000Z',
      zone: 'town',
      address: 'a',
      subject: 's',
      problem: 'p',
      quoteRequired: false,
      receivedAt: now.toISOString(),
      responseDueAt: '2026-03-03T02:00:00.000Z',
      arrivalWithinBusinessHours: 6,
      arrivalDueAt: '2026-03-02T08:00:00.000Z',
      policyVersion: 1,
    },
  } as OrderEvent;
  const state = orderDecider.evolve(orderDecider.initialState(), registered);
  const command = {
    type: 'DispatchOrder',
    data: {
      orderId: 'o-1',
      staffId: 's-1',
      slot: { start: '2026-03-10T02:00:00.000Z', end: '2026-03-10T04:00:00.000Z' },
    },
  } as const;
  const staff = { staffId: 's-1', eligible: true, reasons: [] };
  it.each<[string, Role, readonly string[], string | null, string[]]>([
    [
      'a technician for a practice session: refused',
      'technician',
      [],
      'ORDERS.STAFF_NOT_SKILLED',
      ['not_skilled_for:practice_session'],
    ],
    ['a coach: dispatched', 'coach', [], null, []],
    ['a technician listed for practice sessions: dispatched', 'technician', ['practice_session'], null, []],
    [
      'a coach whose list lacks practice sessions: refused',
      'coach',
      ['repair'],
      'ORDERS.STAFF_NOT_SKILLED',
      ['not_in_skill_list:practice_session'],
    ],
  ])('%s', (_why, role, listed, code, reasons) => {
    const skill = skilledFor('practice_session', role, DEFAULT_SKILLS, listed);
    const decide = () =>
      orderDecider.decide(command, state, { now, calendar: defaultBusinessCalendar, staff, skill });
    if (code === null) expect(decide()[0]?.type).toBe('OrderDispatched');
    else
      expect(decide).toThrow(
        expect.objectContaining({
          code,
          details: expect.objectContaining({ reasons }) as object,
        }) as Error,
      );
  });
});

describe('the hold of an auto-dispatch that found nobody', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');
  const registered = {
    type: 'RequestRegistered',
    data: { orderId: 'o-1', customerId: 'c-1', kind: 'repair', serviceType: 'paid', zone: 'town' },
  } as unknown as OrderEvent;
  const slot = { start: '2026-03-10T02:00:00.000Z', end: '2026-03-10T04:00:00.000Z' };
  const hold = (attempt: string) =>
    ({
      type: 'HoldAutoDispatch',
      data: { orderId: 'o-1', attempt, slot, reason: 'no_candidate', candidates: [] },
    }) as const;
  const waiting = orderDecider.evolve(orderDecider.initialState(), registered);
  it('is recorded once per attempt, while the order waits for dispatch', () => {
    const [held] = orderDecider.decide(hold('t-1'), waiting, { now });
    expect(held?.type).toBe('OrderAutoDispatchHeld');
    const after = orderDecider.evolve(waiting, held as OrderEvent);
    expect(orderDecider.decide(hold('t-1'), after, { now })).toEqual([]);
    expect(orderDecider.decide(hold('t-2'), after, { now })).toHaveLength(1);
  });
  it('records nothing once the order is dispatched', () => {
    const dispatched = orderDecider.evolve(waiting, {
      type: 'OrderDispatched',
      data: { orderId: 'o-1', staffId: 's-1', slot, dispatchedAt: now.toISOString() },
    });
    expect(orderDecider.decide(hold('t-1'), dispatched, { now })).toEqual([]);
  });
});

describe('the dispatch policy', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');
  const change = (data: Partial<ChangeDispatchPolicy['data']>): ChangeDispatchPolicy => ({
    type: 'ChangeDispatchPolicy',
    data: { autoDispatch: true, skills: skillRulesOf(DEFAULT_SKILLS), slotMinutes: [], ...data },
  });
  it('is off by default, the seeds’ table, version 0', () => {
    expect(dispatchPolicyDecider.initialState()).toEqual(DEFAULT_DISPATCH_POLICY);
    expect(DEFAULT_DISPATCH_POLICY).toMatchObject({ version: 0, autoDispatch: false });
  });
  it('is replaced as the next version', () => {
    const [changed] = dispatchPolicyDecider.decide(change({}), DEFAULT_DISPATCH_POLICY, { now });
    expect(changed?.data).toMatchObject({ version: 1, autoDispatch: true, skills: DEFAULT_SKILLS });
  });
  const rules = skillRulesOf(DEFAULT_SKILLS);
  const but = (kind: string, roles: string[]): SkillRule[] =>
    rules.map((r) => (r.kind === kind ? { kind, roles } : r));
  it.each<[string, SkillRule[]]>([
    ['a kind without roles', but('chat', [])],
    ['a kind left out', rules.filter((r) => r.kind !== 'repair')],
    ['a kind twice', [...rules, { kind: 'repair', roles: ['coach'] }]],
    ['an unknown kind', [...rules, { kind: 'juggling', roles: ['coach'] }]],
    ['an unknown role', but('repair', ['wizard'])],
    ['the platform operator', but('repair', ['platform_operator'])],
  ])('refuses %s', (_why, skills) => {
    expect(() => dispatchPolicyDecider.decide(change({ skills }), DEFAULT_DISPATCH_POLICY, { now })).toThrow(
      expect.objectContaining({ code: 'ORDERS.DISPATCH_POLICY_REFUSED' }) as Error,
    );
  });
});

describe('auto-dispatch: the slot, the pick, the next attempt', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');
  it.each<[string, string, string, string, number]>([
    [
      'from the wanted time, two hours',
      '2026-03-05T02:00:00.000Z',
      '2026-03-05T02:00:00.000Z',
      '2026-03-05T04:00:00.000Z',
      120,
    ],
    [
      'from the wanted time, 45 minutes',
      '2026-03-05T02:00:00.000Z',
      '2026-03-05T02:00:00.000Z',
      '2026-03-05T02:45:00.000Z',
      45,
    ],
    [
      'from now when the wanted time passed',
      '2026-03-01T02:00:00.000Z',
      '2026-03-02T02:00:00.000Z',
      '2026-03-02T04:00:00.000Z',
      120,
    ],
  ])('%s', (_why, wantedAt, start, end, minutes) => {
    expect(autoDispatchSlot(wantedAt, now, minutes)).toEqual({ start, end });
  });

  it('tries a held request again at the next business morning (Friday evening: Monday 09:00 in Shanghai)', () => {
    const shanghai = {
      timeZone: 'Asia/Shanghai',
      workingHours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, open: '09:00', close: '18:00' })),
      holidays: [],
    };
    expect(nextAttemptAt(shanghai, new Date('2026-03-06T10:00:00.000Z')).toISOString()).toBe(
      '2026-03-09T01:00:00.000Z',
    );
    expect(nextAttemptAt(shanghai, new Date('2026-03-03T10:00:00.000Z')).toISOString()).toBe(
      '2026-03-04T01:00:00.000Z',
    );
  });
});
