import { deciderSpec } from '@serviceops/testing';
import {
  dispatchable,
  type Resource,
  type ResourceCommand,
  type ResourceContext,
  resourceDecider,
  type ResourceEvent,
  remindersDue,
} from './resource.decider';

const R = 'res-1';
const now = new Date('2026-03-02T02:00:00.000Z');
const base: ResourceContext = { now, today: '2026-03-02' };
const spec = (given: ResourceEvent[], ctx: Partial<ResourceContext> = {}) =>
  deciderSpec(resourceDecider, { ...base, ...ctx }).given(given);

const price = { amount: 128_000, currency: 'CNY' };
const tool: ResourceEvent = {
  type: 'ResourceRegistered',
  data: { resourceId: R, kind: 'tool', name: 'Torque wrench', price },
};
const van: ResourceEvent = {
  type: 'ResourceRegistered',
  data: {
    resourceId: R,
    kind: 'vehicle',
    name: 'Practice car 7',
    inspectionValidTo: '2026-06-30',
    insuranceValidTo: '2026-03-31',
  },
};
const lent: ResourceEvent = {
  type: 'ToolLent',
  data: { resourceId: R, borrowerId: 'tech-1', dueBack: '2026-03-05', lentAt: now.toISOString() },
};
const overdue: ResourceEvent = {
  type: 'ToolWentOverdue',
  data: { resourceId: R, borrowerId: 'tech-1', dueBack: '2026-03-05', at: '2026-03-06T00:00:00.000Z' },
};
const at = (today: string): Partial<ResourceContext> => ({ today });
const cmd = (type: string, data: object = {}) =>
  ({ type, data: { resourceId: R, ...data } }) as ResourceCommand;

describe('resources and the tool register', () => {
  it('registers a tool with its price, in integer minor units', () => {
    spec([])
      .when(cmd('RegisterResource', { kind: 'tool', name: ' Torque wrench ', price }))
      .then([tool]);
  });

  it.each<[string, object, string]>([
    ['a tool without a price', { kind: 'tool', name: 'Wrench' }, 'ORDERS.INVALID_RESOURCE'],
    [
      'a price in fractions',
      { kind: 'tool', name: 'Wrench', price: { amount: 12.5, currency: 'CNY' } },
      'MONEY.NOT_INTEGER',
    ],
    ['an unknown kind', { kind: 'boat', name: 'Boat' }, 'ORDERS.INVALID_RESOURCE'],
    ['a blank name', { kind: 'vehicle', name: ' ' }, 'ORDERS.INVALID_RESOURCE'],
    [
      'a malformed expiry',
      { kind: 'vehicle', name: 'Car', insuranceValidTo: '31/03/2026' },
      'ORDERS.INVALID_RESOURCE',
    ],
  ])('refuses to register %s', (_why, data, code) => {
    spec([]).when(cmd('RegisterResource', data)).thenThrows(code);
  });

  it('lends an available tool, and returns it on time or late', () => {
    spec([tool])
      .when(cmd('LendTool', { borrowerId: 'tech-1', dueBack: '2026-03-05' }))
      .then([lent]);
    spec([tool, lent], at('2026-03-05'))
      .when(cmd('ReturnTool'))
      .then([
        {
          type: 'ToolReturned',
          data: { resourceId: R, borrowerId: 'tech-1', returnedAt: now.toISOString(), late: false },
        },
      ]);
    spec([tool, lent], at('2026-03-06'))
      .when(cmd('ReturnTool'))
      .then([
        {
          type: 'ToolReturned',
          data: { resourceId: R, borrowerId: 'tech-1', returnedAt: now.toISOString(), late: true },
        },
      ]);
  });

  it.each<[string, ResourceEvent[], ResourceCommand, string]>([
    [
      'a tool already out',
      [tool, lent],
      cmd('LendTool', { borrowerId: 'tech-2', dueBack: '2026-03-05' }),
      'ORDERS.TOOL_NOT_AVAILABLE',
    ],
    [
      'a vehicle',
      [van],
      cmd('LendTool', { borrowerId: 'tech-2', dueBack: '2026-03-05' }),
      'ORDERS.NOT_A_TOOL',
    ],
    [
      'due back yesterday',
      [tool],
      cmd('LendTool', { borrowerId: 'tech-2', dueBack: '2026-03-01' }),
      'ORDERS.DUE_BACK_IN_PAST',
    ],
    ['a tool not lent back', [tool], cmd('ReturnTool'), 'ORDERS.TOOL_NOT_LENT'],
    ['a tool not lent as lost', [tool], cmd('ReportToolLost'), 'ORDERS.TOOL_NOT_LENT'],
    ['an unknown resource', [], cmd('ReturnTool'), 'ORDERS.RESOURCE_NOT_FOUND'],
    [
      'a retired resource back',
      [van, { type: 'ResourceStateSet', data: { resourceId: R, state: 'retired', at: '' } }],
      cmd('SetResourceState', { state: 'available' }),
      'ORDERS.RESOURCE_RETIRED',
    ],
  ])('refuses %s', (_why, given, command, code) => {
    spec(given).when(command).thenThrows(code);
  });

  it.each<[string, ResourceEvent[], string, ResourceEvent[]]>([
    ['on its due day: not yet', [tool, lent], '2026-03-05', []],
    [
      'the day after: overdue',
      [tool, lent],
      '2026-03-06',
      [{ ...overdue, data: { ...overdue.data, at: now.toISOString() } }],
    ],
    ['a second time: nothing', [tool, lent, overdue], '2026-03-07', []],
    ['once returned: nothing', [tool], '2026-03-07', []],
  ])('marks a loan overdue %s', (_why, given, today, expected) => {
    spec(given, at(today)).when(cmd('MarkToolOverdue')).then(expected);
  });

  it('charges a lost tool to its borrower at its price, and retires it', () => {
    const lost: ResourceEvent = {
      type: 'ToolLostCharged',
      data: { resourceId: R, borrowerId: 'tech-1', charge: price, at: now.toISOString() },
    };
    spec([tool, lent, overdue]).when(cmd('ReportToolLost')).then([lost]);
    const state = [tool, lent, lost].reduce(resourceDecider.evolve, resourceDecider.initialState());
    expect(state).toMatchObject({ state: 'retired' });
  });
});

describe('dispatchable resources and expiry reminders', () => {
  const car: Resource = {
    resourceId: R,
    kind: 'vehicle',
    name: 'Practice car 7',
    state: 'available',
    inspectionValidTo: '2026-06-30',
    insuranceValidTo: '2026-03-31',
  };
  it.each<[string, Partial<Resource>, string, string[]]>([
    ['papers in force', {}, '2026-03-02', []],
    ['on the insurance’s last day', {}, '2026-03-31', []],
    ['the day after the insurance ends', {}, '2026-04-01', ['insurance_expired']],
    ['after both', {}, '2026-07-01', ['inspection_expired', 'insurance_expired']],
    ['in maintenance', { state: 'in_maintenance' }, '2026-03-02', ['in_maintenance']],
    ['out', { state: 'out' }, '2026-03-02', ['out']],
    ['retired', { state: 'retired' }, '2026-03-02', ['retired']],
  ])('%s', (_why, over, day, reasons) => {
    expect(dispatchable({ ...car, ...over }, day)).toEqual({ ok: reasons.length === 0, reasons });
  });

  it.each<[string, string, string[]]>([
    ['31 days before the insurance ends: none', '2026-02-28', []],
    ['30 days before: the insurance', '2026-03-01', ['insurance']],
    ['on its last day: the insurance', '2026-03-31', ['insurance']],
    ['once expired: none (it is not dispatchable instead)', '2026-04-01', []],
    ['30 days before the inspection ends', '2026-05-31', ['inspection']],
  ])('reminds %s', (_why, today, due) => {
    expect(remindersDue(car, today)).toEqual(due);
  });
});
