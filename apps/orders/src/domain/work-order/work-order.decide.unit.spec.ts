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
const proposed: WorkOrderEvent = { type: 'ExtraWorkProposed', data: { orderId: O, extraId: 'x1', at } };
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
    signature: 'sig:Zhang Wei',
  },
};

describe('work order: execution and completion', () => {
  it('starts work; paid work only once the quote is accepted', () => {
    spec([], { now: new Date(startedAt) })
      .when(cmd('StartWork', { staffId: 'tech-1', resourceId: 'van-1' }))
      .then([started]);
    spec([], { quoteAccepted: false })
      .when(cmd('StartWork', { staffId: 'tech-1' }))
      .thenThrows('ORDERS.QUOTE_NOT_ACCEPTED');
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
      'no quantity',
      [started],
      cmd('IssuePart', { partId: 'belt', quantity: 0 }),
      'ORDERS.PART_QUANTITY_EXCEEDED',
    ],
    [
      'completion without signature',
      [started],
      cmd('CompleteWork', { signature: ' ', hours: 1 }),
      'ORDERS.SIGNATURE_MISSING',
    ],
    [
      'negative hours',
      [started],
      cmd('CompleteWork', { signature: 'sig', hours: -1 }),
      'ORDERS.PART_QUANTITY_EXCEEDED',
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
    spec([started, issued(2), used(1), returned])
      .when(cmd('CompleteWork', { signature: ' sig:Zhang Wei ', hours: 2.5 }))
      .then([completed]);
  });
});
