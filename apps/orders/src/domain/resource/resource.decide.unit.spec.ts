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
    ['a tool without a price', { kind: 'tool', name: 'Wrench' }, 'ORDERS.TOOL_PRICE_REQUIRED'],
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

describe('papers, the maintenance log and the expiry reminder', () => {
  it.each<[string, ResourceEvent[], ResourceCommand, string]>([
    [
      'registering papers ending yesterday',
      [],
      cmd('RegisterResource', { kind: 'vehicle', name: 'Car', inspectionValidTo: '2026-03-01' }),
      'ORDERS.VALID_TO_IN_PAST',
    ],
    [
      'a tool with papers',
      [],
      cmd('RegisterResource', { kind: 'tool', name: 'Jack', price, insuranceValidTo: '2027-01-01' }),
      'ORDERS.NO_PAPERS',
    ],
    [
      'a tool priced 0',
      [],
      cmd('RegisterResource', { kind: 'tool', name: 'Jack', price: { amount: 0, currency: 'CNY' } }),
      'ORDERS.INVALID_RESOURCE',
    ],
    [
      'a negative price',
      [],
      cmd('RegisterResource', { kind: 'tool', name: 'Jack', price: { amount: -1, currency: 'CNY' } }),
      'ORDERS.INVALID_RESOURCE',
    ],
    [
      'a renewal ending yesterday',
      [van],
      cmd('UpdateResourcePapers', { insuranceValidTo: '2026-03-01' }),
      'ORDERS.VALID_TO_IN_PAST',
    ],
    ['a renewal naming no paper', [van], cmd('UpdateResourcePapers'), 'ORDERS.PAPERS_NOT_NAMED'],
    [
      'a tool’s papers',
      [tool],
      cmd('UpdateResourcePapers', { insuranceValidTo: '2027-01-01' }),
      'ORDERS.NO_PAPERS',
    ],
    [
      'a retired resource’s papers',
      [van, { type: 'ResourceStateSet', data: { resourceId: R, state: 'retired', at: '' } }],
      cmd('UpdateResourcePapers', { insuranceValidTo: '2027-01-01' }),
      'ORDERS.RESOURCE_RETIRED',
    ],
    [
      'an unknown maintenance action',
      [van],
      cmd('RecordMaintenance', { action: 'polished', note: 'x' }),
      'ORDERS.INVALID_RESOURCE',
    ],
    [
      'a blank maintenance note',
      [van],
      cmd('RecordMaintenance', { action: 'serviced', note: ' ' }),
      'ORDERS.INVALID_RESOURCE',
    ],
  ])('refuses %s', (_why, given, command, code) => {
    spec(given).when(command).thenThrows(code);
  });

  it('renews a paper from today on', () => {
    spec([van])
      .when(cmd('UpdateResourcePapers', { insuranceValidTo: '2026-03-02' }))
      .then([
        {
          type: 'ResourcePapersUpdated',
          data: { resourceId: R, insuranceValidTo: '2026-03-02', at: now.toISOString() },
        },
      ]);
  });

  const reminded = (paper: 'inspection' | 'insurance', validTo: string): ResourceEvent => ({
    type: 'ResourceExpiryReminded',
    data: { resourceId: R, kind: 'vehicle', paper, validTo, at: now.toISOString() },
  });
  // The van's insurance ends 2026-03-31: due from 2026-03-01 (30 days before) to its last day.
  it.each<[string, ResourceEvent[], string, ResourceEvent[]]>([
    ['31 days before: nothing yet', [van], '2026-02-28', []],
    ['30 days before: reminded', [van], '2026-03-01', [reminded('insurance', '2026-03-31')]],
    ['on its last day: reminded', [van], '2026-03-31', [reminded('insurance', '2026-03-31')]],
    ['once expired: nothing', [van], '2026-04-01', []],
    ['a second time: nothing', [van, reminded('insurance', '2026-03-31')], '2026-03-02', []],
    [
      'renewed after a reminder: the new date, in its time',
      [
        van,
        reminded('insurance', '2026-03-31'),
        { type: 'ResourcePapersUpdated', data: { resourceId: R, insuranceValidTo: '2026-04-20', at: '' } },
      ],
      '2026-03-21',
      [reminded('insurance', '2026-04-20')],
    ],
    [
      'retired: nothing',
      [van, { type: 'ResourceStateSet', data: { resourceId: R, state: 'retired', at: '' } }],
      '2026-03-02',
      [],
    ],
  ])('reminds of the insurance %s', (_why, given, today, expected) => {
    spec(given, at(today))
      .when(cmd('RemindExpiry', { paper: 'insurance' }))
      .then(expected);
  });
});

describe('preparation checks', () => {
  const order = { orderId: 'o-1', kind: 'practice_session', customerId: 'c-1' };
  const safety = (failed: string[] = []) =>
    ['brakes', 'lights', 'tyres', 'steering', 'seatbelts'].map((item) => ({
      item,
      passed: !failed.includes(item),
    }));
  const checked = (failed: string[]): ResourceEvent => ({
    type: 'PreparationChecked',
    data: {
      resourceId: R,
      orderId: 'o-1',
      items: safety(failed),
      passed: failed.length === 0,
      failed,
      at: now.toISOString(),
    },
  });
  const repaired: ResourceEvent = {
    type: 'MaintenanceRecorded',
    data: { resourceId: R, action: 'repaired', note: 'brakes fixed', at: '' },
  };
  const serviced: ResourceEvent = {
    type: 'MaintenanceRecorded',
    data: { resourceId: R, action: 'serviced', note: 'oil changed', at: '' },
  };
  const fitOn = (events: ResourceEvent[]) => {
    const s = events.reduce(resourceDecider.evolve, resourceDecider.initialState());
    if (s.status === 'absent') throw new Error('absent');
    return dispatchable(s, '2026-03-02');
  };

  it.each<[string, string[]]>([
    ['all passed', []],
    ['the brakes failed', ['brakes']],
    ['two items failed', ['lights', 'tyres']],
  ])('records a vehicle’s safety check: %s', (_why, failed) => {
    spec([van], { order })
      .when(cmd('RecordPreparationCheck', { orderId: 'o-1', items: safety(failed) }))
      .then([checked(failed)]);
  });

  it.each<[string, ResourceEvent[], boolean, string[]]>([
    ['a passed check: fit', [van, checked([])], true, []],
    ['a failed check: unfit', [van, checked(['brakes'])], false, ['failed_check']],
    [
      'a later pass does not undo a failure',
      [van, checked(['brakes']), checked([])],
      false,
      ['failed_check'],
    ],
    ['serviced is not repaired', [van, checked(['brakes']), serviced], false, ['failed_check']],
    ['repaired: fit again', [van, checked(['brakes']), repaired], true, []],
  ])('%s', (_why, events, ok, reasons) => {
    expect(fitOn(events)).toEqual({ ok, reasons });
  });

  it.each<[string, ResourceEvent[], object, string]>([
    ['an item missing', [van], { items: safety().slice(1) }, 'ORDERS.CHECKLIST_INCOMPLETE'],
    ['an item twice', [van], { items: [...safety().slice(1), safety()[1]] }, 'ORDERS.CHECKLIST_INCOMPLETE'],
    [
      'equipment items on a vehicle',
      [van],
      {
        items: [
          { item: 'cleaned', passed: true },
          { item: 'tested', passed: true },
        ],
      },
      'ORDERS.CHECKLIST_INCOMPLETE',
    ],
    ['a tool', [tool], { items: [] }, 'ORDERS.NO_PREPARATION_CHECK'],
  ])('refuses a check with %s', (_why, given, data, code) => {
    spec(given, { order })
      .when(cmd('RecordPreparationCheck', { orderId: 'o-1', ...data }))
      .thenThrows(code);
  });
});

describe('rentals', () => {
  const unit: ResourceEvent = {
    type: 'ResourceRegistered',
    data: { resourceId: R, kind: 'equipment', name: 'Generator', inspectionValidTo: '2026-12-31' },
  };
  const orderOf = (kind: string, customerId = 'c-1') => ({ order: { orderId: 'o-1', kind, customerId } });
  const list = (failed: string[] = []) =>
    ['exterior', 'performance', 'accessories'].map((item) => ({ item, passed: !failed.includes(item) }));
  const delivery = { orderId: 'o-1', checklist: list(), customerSigned: true, staffSignedBy: 's-1' };
  const delivered: ResourceEvent = {
    type: 'RentalDelivered',
    data: {
      resourceId: R,
      orderId: 'o-1',
      customerId: 'c-1',
      checklist: list(),
      customerSigned: true,
      staffSignedBy: 's-1',
      deliveredAt: now.toISOString(),
    },
  };

  it('delivers a fit unit with the list passed and signed by both sides: the unit is out', () => {
    spec([unit], orderOf('rental_delivery')).when(cmd('DeliverRental', delivery)).then([delivered]);
    const s = [unit, delivered].reduce(resourceDecider.evolve, resourceDecider.initialState());
    expect(s).toMatchObject({ state: 'out', rental: { deliveryOrderId: 'o-1', customerId: 'c-1' } });
  });

  it.each<[string, ResourceEvent[], object, object, string]>([
    ['on a visit’s order', [unit], orderOf('rental_visit'), delivery, 'ORDERS.WRONG_ORDER_KIND'],
    ['a vehicle', [van], orderOf('rental_delivery'), delivery, 'ORDERS.NOT_RENTAL_EQUIPMENT'],
    ['a unit out already', [unit, delivered], orderOf('rental_delivery'), delivery, 'ORDERS.RESOURCE_UNFIT'],
    [
      'a unit whose inspection ended',
      [unit],
      { ...orderOf('rental_delivery'), today: '2027-01-01' },
      delivery,
      'ORDERS.RESOURCE_UNFIT',
    ],
    [
      'a failed item',
      [unit],
      orderOf('rental_delivery'),
      { ...delivery, checklist: list(['accessories']) },
      'ORDERS.DELIVERY_CHECK_FAILED',
    ],
    [
      'an item missing',
      [unit],
      orderOf('rental_delivery'),
      { ...delivery, checklist: list().slice(1) },
      'ORDERS.CHECKLIST_INCOMPLETE',
    ],
    [
      'no customer signature',
      [unit],
      orderOf('rental_delivery'),
      { ...delivery, customerSigned: false },
      'ORDERS.DELIVERY_NOT_SIGNED',
    ],
    [
      'no staff signature',
      [unit],
      orderOf('rental_delivery'),
      { ...delivery, staffSignedBy: '' },
      'ORDERS.DELIVERY_NOT_SIGNED',
    ],
  ])('refuses to deliver %s', (_why, given, ctx, data, code) => {
    spec(given, ctx).when(cmd('DeliverRental', data)).thenThrows(code);
  });

  const visit = { orderId: 'o-1', work: ['lubricated', 'checked'], note: 'chain oiled' };
  it('records a maintenance visit to the unit on lease', () => {
    spec([unit, delivered], orderOf('rental_visit'))
      .when(cmd('RecordRentalVisit', visit))
      .then([
        {
          type: 'RentalVisitRecorded',
          data: {
            resourceId: R,
            orderId: 'o-1',
            deliveryOrderId: 'o-1',
            work: ['lubricated', 'checked'],
            note: 'chain oiled',
            at: now.toISOString(),
          },
        },
      ]);
  });

  it.each<[string, ResourceEvent[], object, object, string]>([
    ['a unit not on lease', [unit], orderOf('rental_visit'), visit, 'ORDERS.NOT_RENTED'],
    [
      'another customer’s order',
      [unit, delivered],
      orderOf('rental_visit', 'c-2'),
      visit,
      'ORDERS.NOT_RENTED_TO_CUSTOMER',
    ],
    ['on a return’s order', [unit, delivered], orderOf('rental_return'), visit, 'ORDERS.WRONG_ORDER_KIND'],
    [
      'no work',
      [unit, delivered],
      orderOf('rental_visit'),
      { ...visit, work: [] },
      'ORDERS.INVALID_RESOURCE',
    ],
    [
      'unknown work',
      [unit, delivered],
      orderOf('rental_visit'),
      { ...visit, work: ['painted'] },
      'ORDERS.INVALID_RESOURCE',
    ],
  ])('refuses a visit to %s', (_why, given, ctx, data, code) => {
    spec(given, ctx).when(cmd('RecordRentalVisit', data)).thenThrows(code);
  });

  const dent = [{ item: 'front panel', note: 'dented' }];
  it.each<[string, object[], number, string]>([
    ['damaged: in maintenance', dent, 50_000, 'in_maintenance'],
    ['a finding without damage: available', dent, 0, 'available'],
    ['undamaged: available', [], 0, 'available'],
  ])('inspects a return, %s, and publishes the damage', (_why, findings, amount, next) => {
    const damage = { amount, currency: 'CNY' };
    const inspected: ResourceEvent = {
      type: 'RentalReturnInspected',
      data: {
        resourceId: R,
        orderId: 'o-2',
        deliveryOrderId: 'o-1',
        customerId: 'c-1',
        findings: findings as { item: string; note: string }[],
        damage,
        inspectedAt: now.toISOString(),
      },
    };
    spec([unit, delivered], { order: { orderId: 'o-2', kind: 'rental_return', customerId: 'c-1' } })
      .when(cmd('InspectRentalReturn', { orderId: 'o-2', findings, damage }))
      .then([inspected]);
    const s = [unit, delivered, inspected].reduce(resourceDecider.evolve, resourceDecider.initialState());
    expect(s).toMatchObject({ state: next });
    expect(s).not.toHaveProperty('rental');
  });

  it.each<[string, object, string]>([
    [
      'damage without a finding',
      { findings: [], damage: { amount: 1, currency: 'CNY' } },
      'ORDERS.DAMAGE_WITHOUT_FINDINGS',
    ],
    [
      'a negative damage',
      { findings: dent, damage: { amount: -1, currency: 'CNY' } },
      'ORDERS.INVALID_RESOURCE',
    ],
    [
      'a damage in fractions',
      { findings: dent, damage: { amount: 0.5, currency: 'CNY' } },
      'MONEY.NOT_INTEGER',
    ],
  ])('refuses a return with %s', (_why, data, code) => {
    spec([unit, delivered], orderOf('rental_return'))
      .when(cmd('InspectRentalReturn', { orderId: 'o-1', ...data }))
      .thenThrows(code);
  });
});
