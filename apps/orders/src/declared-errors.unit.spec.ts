import { API } from '@serviceops/contracts';
import { ChatErrorCode } from './domain/chat/chat.rules';
import { OrderErrorCode } from './domain/order/order.errors';
import { PackageErrorCode } from './domain/package/package-usage.decider';
import { ResourceErrorCode } from './domain/resource/resource.decider';
import { IncidentErrorCode } from './domain/safety-incident/safety-incident.decider';
import { WorkOrderErrorCode } from './domain/work-order/work-order.decider';

// The orders declarations' problem codes are codes its domain has, none twice. Requests (orders.api.ts) and work
// orders (orders-work.api.ts) state them for every method; resources and the field area do not yet (absent:
// nothing listed, nothing checked), so `describeDeclaredErrors`' every-method check is not run here.

const CODES = new Set<string>(
  [OrderErrorCode, WorkOrderErrorCode, PackageErrorCode, ResourceErrorCode, ChatErrorCode, IncidentErrorCode]
    .flatMap((catalog): string[] => Object.values(catalog))
    // Answered by the application, not a decider: an unknown person (lists, chat desks).
    .concat(['ORDERS.STAFF_NOT_FOUND']),
);
const declarations = Object.entries(API.orders) as [string, { errors?: readonly string[] }][];

describe('the orders declarations’ problem codes', () => {
  it.each(declarations.filter(([, d]) => d.errors !== undefined))(
    '%s lists codes its domain has, none twice',
    (_, declaration) => {
      const errors = declaration.errors ?? [];
      expect(errors.filter((code) => !CODES.has(code))).toEqual([]);
      expect(new Set(errors).size).toBe(errors.length);
    },
  );

  it('are stated for every request and work order method', () => {
    const stated = [
      'RegisterRequest',
      'RespondToRequest',
      'DispatchOrder',
      'CancelOrder',
      'GetOrder',
      'GetOrderCandidates',
      'ListDispatchQueue',
      'IssueQuote',
      'AcceptQuote',
      'DeclineQuote',
      'StartWork',
      'ProposeExtraWork',
      'ApproveExtraWork',
      'RecordExtraWorkConsent',
      'StartExtraWork',
      'IssuePart',
      'UsePart',
      'ReturnUnusedPart',
      'LogItemIn',
      'LogItemOut',
      'RecordSelfCheck',
      'RecordInspection',
      'CompleteWork',
      'GetWorkOrder',
    ] as const satisfies readonly (keyof typeof API.orders)[];
    const orders = new Map(declarations);
    expect(stated.filter((name) => orders.get(name)?.errors === undefined)).toEqual([]);
  });

  it('names the cancellation’s refusals, one per status that forbids it', () => {
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
