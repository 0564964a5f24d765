import { API } from '@serviceops/contracts';
import { describeDeclaredErrors } from '@serviceops/platform/testing';
import { ChatErrorCode } from './domain/chat/chat.rules';
import { OrderErrorCode } from './domain/order/order.errors';
import { DispatchPolicyErrorCode } from './domain/dispatch/dispatch-policy.decider';
import { PackageErrorCode } from './domain/package/package-usage.decider';
import { ResourceErrorCode } from './domain/resource/resource.decider';
import { IncidentErrorCode } from './domain/safety-incident/safety-incident.decider';
import { WorkOrderErrorCode } from './domain/work-order/work-order.decider';
import { StaffLookupErrorCode } from './infrastructure/order-facts.repository';

const FRESH_ID = 'guards a new stream, which every method opens under a fresh id (newId)';

describeDeclaredErrors(
  'orders',
  [
    OrderErrorCode,
    WorkOrderErrorCode,
    PackageErrorCode,
    ResourceErrorCode,
    ChatErrorCode,
    IncidentErrorCode,
    StaffLookupErrorCode,
    DispatchPolicyErrorCode,
  ],
  {
    [OrderErrorCode.ORDER_EXISTS]: FRESH_ID,
    [ResourceErrorCode.RESOURCE_EXISTS]: FRESH_ID,
    [ChatErrorCode.CHAT_SESSION_EXISTS]: FRESH_ID,
    [IncidentErrorCode.INCIDENT_EXISTS]: FRESH_ID,
  },
);

describe('the cancellation’s problem codes', () => {
  it('name one refusal per status that forbids it', () => {
    expect(API.orders.CancelOrder.errors).toEqual(
      expect.arrayContaining([
        'ORDERS.WORK_ORDER_STARTED',
        'ORDERS.ORDER_COMPLETED',
        'ORDERS.ORDER_CLOSED',
        'ORDERS.ORDER_CANCELLED',
      ]),
    );
  });
});
