import { deciderSpec } from '@serviceops/testing';
import {
  type WorkOrderCommand,
  type WorkOrderContext,
  workOrderDecider,
  type WorkOrderEvent,
} from './work-order.decider';

const O = 'order-1';
const startedAt = '2026-03-02T02:00:00.000Z';
const now = new Date('2026-03-02T04:30:00.000Z');
const at = now.toISOString();
const spec = (given: WorkOrderEvent[], ctx: Partial<WorkOrderContext> = {}) =>
  deciderSpec(workOrderDecider, { now, ...ctx }).given(given);
const cmd = (type: WorkOrderCommand['type'], data: object = {}) =>
  ({ type, data: { orderId: O, ...data } }) as WorkOrderCommand;

const started: WorkOrderEvent = {
  type: 'WorkStarted',
  data: { orderId: O, staffId: 'tech-1', resourceId: 'van-1', startedAt },
};
const price = { amount: 12_000, currency: 'CNY' };
const proposed: WorkOrderEvent = {
  type: 'ExtraWorkProposed',
  data: { orderId: O, extraId: 'x1', description: 'Worn bearing', estimatedPrice: price, at },
};
const approved: WorkOrderEvent = { type: 'ExtraWorkApproved', data: { orderId: O, extraId: 'x1', at } };
const consented: WorkOrderEvent = { type: 'ExtraWorkConsented', data: { orderId: O, extraId: 'x1', at } };
const issued = (quantity = 2): WorkOrderEvent => ({
  type: 'PartIssued',
  data: { orderId: O, partId: 'belt', quantity, at },
});
const used = (quantity = 1): WorkOrderEvent => ({
  type: 'PartUsed',
  data: { orderId: O, partId: 'belt', quantity, at },
});
const completed: WorkOrderEvent = {
  type: 'OrderCompleted',
  data: {
    orderId: O,
    staffId: 'tech-1',
    resourceId: 'van-1',
    startedAt,
    completedAt: at,
    durationMinutes: 150,
    hours: 2.5,
    parts: [{ partId: 'belt', quantity: 1 }],
    signature: 'voucher:V-0042',
  },
};

const checked: WorkOrderEvent = { type: 'SelfCheckRecorded', data: { orderId: O, passed: true, at } };
const inspected: WorkOrderEvent = {
  type: 'InspectionRecorded',
  data: { orderId: O, passed: true, inspectorId: 'mgr-1', at },
};
const dispatched = { dispatchedTo: 'tech-1' };

describe('work order: execution and completion', () => {
  it('starts work on an order dispatched to the person starting it', () => {
    spec([], { now: new Date(startedAt), ...dispatched })
      .when(cmd('StartWork', { staffId: 'tech-1', resourceId: 'van-1' }))
      .then([started]);
  });

  it.each<[string, Partial<WorkOrderContext>, string]>([
    ['before dispatch', {}, 'ORDERS.ORDER_NOT_DISPATCHED'],
    [
      'by another person than the one dispatched',
      { dispatchedTo: 'tech-2' },
      'ORDERS.NOT_DISPATCHED_TO_STAFF',
    ],
    ['paid work with no quote accepted', { ...dispatched, quoteRequired: true }, 'ORDERS.QUOTE_NOT_ACCEPTED'],
  ])('refuses to start work %s', (_why, ctx, code) => {
    spec([], ctx)
      .when(cmd('StartWork', { staffId: 'tech-1' }))
      .thenThrows(code);
  });

  it.each<[string, WorkOrderEvent[], string]>([
    ['before anything', [started, proposed], 'ORDERS.EXTRA_WORK_NOT_APPROVED'],
    [
      'with the customer’s consent but no approval',
      [started, proposed, consented],
      'ORDERS.EXTRA_WORK_NOT_APPROVED',
    ],
    [
      'approved, before the customer’s consent',
      [started, proposed, approved],
      'ORDERS.EXTRA_WORK_NO_CONSENT',
    ],
    ['never proposed', [started], 'ORDERS.EXTRA_WORK_NOT_FOUND'],
  ])('refuses extra work %s', (_why, given, code) => {
    spec(given)
      .when(cmd('StartExtraWork', { extraId: 'x1' }))
      .thenThrows(code);
  });

  it('starts extra work approved and consented to, in either order', () => {
    const ok: WorkOrderEvent[] = [{ type: 'ExtraWorkStarted', data: { orderId: O, extraId: 'x1', at } }];
    spec([started, proposed, approved, consented])
      .when(cmd('StartExtraWork', { extraId: 'x1' }))
      .then(ok);
    spec([started, proposed, consented, approved])
      .when(cmd('StartExtraWork', { extraId: 'x1' }))
      .then(ok);
  });

  it.each<[string, WorkOrderEvent[], WorkOrderCommand, string]>([
    [
      'a part without a started work order',
      [],
      cmd('IssuePart', { partId: 'belt', quantity: 1 }),
      'ORDERS.WORK_ORDER_NOT_STARTED',
    ],
    [
      'a used part back to stock',
      [started, issued(1), used(1)],
      cmd('ReturnUnusedPart', { partId: 'belt', quantity: 1 }),
      'ORDERS.PART_USED',
    ],
    [
      'more back than unused',
      [started, issued(2), used(1)],
      cmd('ReturnUnusedPart', { partId: 'belt', quantity: 2 }),
      'ORDERS.PART_USED',
    ],
    [
      'more used than issued',
      [started, issued(1)],
      cmd('UsePart', { partId: 'belt', quantity: 2 }),
      'ORDERS.PART_QUANTITY_EXCEEDED',
    ],
    [
      'a part never issued used',
      [started],
      cmd('UsePart', { partId: 'belt', quantity: 1 }),
      'ORDERS.PART_NOT_ISSUED',
    ],
    [
      'a fractional quantity',
      [started],
      cmd('IssuePart', { partId: 'belt', quantity: 0.5 }),
      'ORDERS.PART_QUANTITY_EXCEEDED',
    ],
    [
      'a part number with a space',
      [started],
      cmd('IssuePart', { partId: 'BRG 6205', quantity: 1 }),
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    [
      'no quantity',
      [started],
      cmd('IssuePart', { partId: 'belt', quantity: 0 }),
      'ORDERS.PART_QUANTITY_EXCEEDED',
    ],
    [
      'completion before start',
      [],
      cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: 'done' }),
      'ORDERS.WORK_ORDER_NOT_STARTED',
    ],
    [
      'completion without signature',
      [started, checked, inspected],
      cmd('CompleteWork', { signature: ' ', hours: 1, summary: 'done' }),
      'ORDERS.SIGNATURE_MISSING',
    ],
    [
      'a signature that is not a voucher reference',
      [started, checked, inspected],
      cmd('CompleteWork', { signature: 'Zhang Wei', hours: 1, summary: 'done' }),
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    [
      'negative hours',
      [started, checked, inspected],
      cmd('CompleteWork', { signature: 'v-1', hours: -1, summary: 'done' }),
      'ORDERS.HOURS_OUT_OF_RANGE',
    ],
    [
      'more hours than the bound',
      [started, checked, inspected],
      cmd('CompleteWork', { signature: 'v-1', hours: 1000.5, summary: 'done' }),
      'ORDERS.HOURS_OUT_OF_RANGE',
    ],
    [
      'completion without a self-check',
      [started],
      cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: 'done' }),
      'ORDERS.SELF_CHECK_MISSING',
    ],
    [
      'completion after a failed self-check',
      [started, { type: 'SelfCheckRecorded', data: { orderId: O, passed: false, at } }],
      cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: 'done' }),
      'ORDERS.SELF_CHECK_MISSING',
    ],
    [
      'completion without an inspection',
      [started, checked],
      cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: 'done' }),
      'ORDERS.INSPECTION_MISSING',
    ],
    [
      'completion after a new self-check not inspected again',
      [started, checked, inspected, checked],
      cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: 'done' }),
      'ORDERS.INSPECTION_MISSING',
    ],
    [
      'completion with a blank summary',
      [started, checked, inspected],
      cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: ' ' }),
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    [
      'an inspection before the self-check passed',
      [started],
      cmd('RecordInspection', { passed: true, inspectorId: 'mgr-1' }),
      'ORDERS.SELF_CHECK_MISSING',
    ],
    [
      'extra work without a description',
      [started],
      cmd('ProposeExtraWork', { extraId: 'x2', description: '', estimatedPrice: price }),
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    [
      'extra work priced below zero',
      [started],
      cmd('ProposeExtraWork', {
        extraId: 'x2',
        description: 'x',
        estimatedPrice: { amount: -1, currency: 'CNY' },
      }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'extra work priced in fractions of a minor unit',
      [started],
      cmd('ProposeExtraWork', {
        extraId: 'x2',
        description: 'x',
        estimatedPrice: { amount: 1.5, currency: 'CNY' },
      }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'anything after completion',
      [started, completed],
      cmd('IssuePart', { partId: 'belt', quantity: 1 }),
      'ORDERS.WORK_ORDER_COMPLETED',
    ],
    ['starting twice', [started], cmd('StartWork', { staffId: 'tech-2' }), 'ORDERS.WORK_ORDER_STARTED'],
  ])('refuses %s', (_why, given, command, code) => {
    spec(given).when(command).thenThrows(code);
  });

  it('returns unused parts with a record', () => {
    spec([started, issued(2), used(1)])
      .when(cmd('ReturnUnusedPart', { partId: 'belt', quantity: 1 }))
      .then([{ type: 'UnusedPartReturned', data: { orderId: O, partId: 'belt', quantity: 1, at } }]);
  });

  it('completes with the signature: duration, hours, parts used (not returned ones), staff, resource', () => {
    const returned: WorkOrderEvent = {
      type: 'UnusedPartReturned',
      data: { orderId: O, partId: 'belt', quantity: 1, at },
    };
    spec([started, issued(2), used(1), returned, checked, inspected])
      .when(cmd('CompleteWork', { signature: ' voucher:V-0042 ', hours: 2.5, summary: ' Belt replaced ' }))
      .then([{ type: 'WorkSummaryRecorded', data: { orderId: O, summary: 'Belt replaced', at } }, completed]);
  });

  it('completes at the bound of hours, and with zero hours', () => {
    for (const hours of [0, 1000])
      spec([started, checked, inspected])
        .when(cmd('CompleteWork', { signature: 'v-1', hours, summary: 'ok' }))
        .then([
          { type: 'WorkSummaryRecorded', data: { orderId: O, summary: 'ok', at } },
          {
            type: 'OrderCompleted',
            data: {
              orderId: O,
              staffId: 'tech-1',
              resourceId: 'van-1',
              startedAt,
              completedAt: at,
              durationMinutes: 150,
              hours,
              parts: [],
              signature: 'v-1',
            },
          },
        ]);
  });

  it('records a self-check and an inspection, passed or not', () => {
    spec([started])
      .when(cmd('RecordSelfCheck', { passed: false }))
      .then([{ type: 'SelfCheckRecorded', data: { orderId: O, passed: false, at } }]);
    spec([started, checked])
      .when(cmd('RecordInspection', { passed: true, inspectorId: 'mgr-1' }))
      .then([inspected]);
  });

  it('proposes extra work with its description and estimated price', () => {
    spec([started])
      .when(cmd('ProposeExtraWork', { extraId: 'x1', description: ' Worn bearing ', estimatedPrice: price }))
      .then([proposed]);
  });
});

describe('work order: the quote of paid work', () => {
  const validUntil = '2026-03-09T04:30:00.000Z';
  const items = [
    { description: 'Drum bearing', price: { amount: 30_000, currency: 'CNY' } },
    { description: 'Labour 2 h', price: { amount: 20_000, currency: 'CNY' } },
  ];
  const quoted: WorkOrderEvent = {
    type: 'QuoteIssued',
    data: { orderId: O, items, total: { amount: 50_000, currency: 'CNY' }, validUntil, at },
  };
  const paid = { quoteRequired: true };
  const accepted: WorkOrderEvent = { type: 'QuoteAccepted', data: { orderId: O, at } };
  const declined: WorkOrderEvent = { type: 'QuoteDeclined', data: { orderId: O, at } };

  it('quotes paid work: items, their total in one currency, the validity', () => {
    spec([], paid).when(cmd('IssueQuote', { items, validUntil })).then([quoted]);
  });

  it('starts paid work once the customer accepted the quote', () => {
    spec([quoted], paid).when(cmd('AcceptQuote')).then([accepted]);
    spec([quoted, accepted], { ...paid, ...dispatched, now: new Date(startedAt) })
      .when(cmd('StartWork', { staffId: 'tech-1', resourceId: 'van-1' }))
      .then([started]);
  });

  it('accepts a quote up to the instant it is valid until, not after', () => {
    spec([quoted], { ...paid, now: new Date(validUntil) })
      .when(cmd('AcceptQuote'))
      .then([{ type: 'QuoteAccepted', data: { orderId: O, at: validUntil } }]);
    spec([quoted], { ...paid, now: new Date(Date.parse(validUntil) + 1) })
      .when(cmd('AcceptQuote'))
      .thenThrows('ORDERS.QUOTE_EXPIRED');
  });

  it('closes the order on a decline: nothing starts after it', () => {
    spec([quoted], paid).when(cmd('DeclineQuote')).then([declined]);
    spec([quoted, declined], { ...paid, ...dispatched })
      .when(cmd('StartWork', { staffId: 'tech-1' }))
      .thenThrows('ORDERS.ORDER_CLOSED');
  });

  it.each<[string, WorkOrderEvent[], Partial<WorkOrderContext>, WorkOrderCommand, string]>([
    [
      'a quote for contract or warranty work',
      [],
      {},
      cmd('IssueQuote', { items, validUntil }),
      'ORDERS.QUOTE_NOT_REQUIRED',
    ],
    [
      'a paid start with the quote only offered',
      [quoted],
      { ...paid, ...dispatched },
      cmd('StartWork', { staffId: 'tech-1' }),
      'ORDERS.QUOTE_NOT_ACCEPTED',
    ],
    ['accepting with no quote', [], paid, cmd('AcceptQuote'), 'ORDERS.NO_QUOTE'],
    ['accepting twice', [quoted, accepted], paid, cmd('AcceptQuote'), 'ORDERS.QUOTE_DECIDED'],
    [
      'quoting again once accepted',
      [quoted, accepted],
      paid,
      cmd('IssueQuote', { items, validUntil }),
      'ORDERS.QUOTE_DECIDED',
    ],
    [
      'quoting once work started',
      [started],
      paid,
      cmd('IssueQuote', { items, validUntil }),
      'ORDERS.QUOTE_DECIDED',
    ],
    [
      'a quote valid until now',
      [],
      paid,
      cmd('IssueQuote', { items, validUntil: at }),
      'ORDERS.QUOTE_REFUSED',
    ],
    ['a quote with no item', [], paid, cmd('IssueQuote', { items: [], validUntil }), 'ORDERS.QUOTE_REFUSED'],
    [
      'a quote with more items than the bound',
      [],
      paid,
      cmd('IssueQuote', { items: Array.from({ length: 51 }, () => items[0]), validUntil }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'a quote in two currencies',
      [],
      paid,
      cmd('IssueQuote', {
        items: [items[0], { description: 'x', price: { amount: 1, currency: 'USD' } }],
        validUntil,
      }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'a quote with a negative price',
      [],
      paid,
      cmd('IssueQuote', {
        items: [{ description: 'x', price: { amount: -1, currency: 'CNY' } }],
        validUntil,
      }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'a quote whose total passes exact integers',
      [],
      paid,
      cmd('IssueQuote', {
        items: [
          { description: 'x', price: { amount: Number.MAX_SAFE_INTEGER, currency: 'CNY' } },
          { description: 'y', price: { amount: 1, currency: 'CNY' } },
        ],
        validUntil,
      }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'a price in no currency code',
      [],
      paid,
      cmd('IssueQuote', { items: [{ description: 'x', price: { amount: 1, currency: 'cny' } }], validUntil }),
      'ORDERS.QUOTE_REFUSED',
    ],
    [
      'an item without a description',
      [],
      paid,
      cmd('IssueQuote', { items: [{ description: ' ', price: { amount: 1, currency: 'CNY' } }], validUntil }),
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    ['declining with no quote', [], paid, cmd('DeclineQuote'), 'ORDERS.NO_QUOTE'],
    [
      'a quote not valid until an instant',
      [],
      paid,
      cmd('IssueQuote', { items, validUntil: 'soon' }),
      'ORDERS.QUOTE_REFUSED',
    ],
  ])('refuses %s', (_why, given, ctx, command, code) => {
    spec(given, ctx).when(command).thenThrows(code);
  });

  it('takes a quote of exactly the bound of items, and a zero price', () => {
    const fifty = Array.from({ length: 50 }, () => ({
      description: 'x',
      price: { amount: 0, currency: 'CNY' },
    }));
    spec([], paid)
      .when(cmd('IssueQuote', { items: fifty, validUntil }))
      .then([
        {
          type: 'QuoteIssued',
          data: { orderId: O, items: fifty, total: { amount: 0, currency: 'CNY' }, validUntil, at },
        },
      ]);
  });
});

describe('work order: a take-back repair', () => {
  const loggedIn: WorkOrderEvent = { type: 'ItemLoggedIn', data: { orderId: O, receipt: 'R-42', at } };
  const loggedOut: WorkOrderEvent = { type: 'ItemLoggedOut', data: { orderId: O, receipt: 'R-42', at } };
  const checked: WorkOrderEvent = { type: 'SelfCheckRecorded', data: { orderId: O, passed: true, at } };
  const inspected: WorkOrderEvent = {
    type: 'InspectionRecorded',
    data: { orderId: O, passed: true, inspectorId: 'mgr-1', at },
  };
  const finish = cmd('CompleteWork', { signature: 'v-1', hours: 1, summary: 'ok' });

  it('logs the item in under the customer’s receipt, and out again', () => {
    spec([started])
      .when(cmd('LogItemIn', { receipt: ' R-42 ' }))
      .then([loggedIn]);
    spec([started, loggedIn]).when(cmd('LogItemOut')).then([loggedOut]);
  });

  it('completes once the item is back with the customer', () => {
    spec([started, loggedIn, loggedOut, checked, inspected])
      .when(finish)
      .then([
        { type: 'WorkSummaryRecorded', data: { orderId: O, summary: 'ok', at } },
        {
          type: 'OrderCompleted',
          data: {
            orderId: O,
            staffId: 'tech-1',
            resourceId: 'van-1',
            startedAt,
            completedAt: at,
            durationMinutes: 150,
            hours: 1,
            parts: [],
            signature: 'v-1',
          },
        },
      ]);
  });

  it.each<[string, WorkOrderEvent[], WorkOrderCommand, string]>([
    [
      'an item in before work started',
      [],
      cmd('LogItemIn', { receipt: 'R-42' }),
      'ORDERS.WORK_ORDER_NOT_STARTED',
    ],
    [
      'an item in twice',
      [started, loggedIn],
      cmd('LogItemIn', { receipt: 'R-43' }),
      'ORDERS.ITEM_ALREADY_IN',
    ],
    [
      'a receipt that is no number',
      [started],
      cmd('LogItemIn', { receipt: 'the blue one' }),
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    ['an item out that is not in', [started], cmd('LogItemOut'), 'ORDERS.ITEM_NOT_IN'],
    ['an item out twice', [started, loggedIn, loggedOut], cmd('LogItemOut'), 'ORDERS.ITEM_NOT_IN'],
    [
      'completion with the item still in the workshop',
      [started, loggedIn, checked, inspected],
      finish,
      'ORDERS.ITEM_STILL_IN',
    ],
  ])('refuses %s', (_why, given, command, code) => {
    spec(given).when(command).thenThrows(code);
  });
});
