import { ADMIN, DISPATCHERS, ORDER_CANCELLERS, ORDER_READERS, ORDER_WRITERS } from './access';
import type { Declaration } from './declaration';

import { ORDERS_AVAILABILITY_API } from './orders-availability.api';
import { ORDERS_FIELD_API } from './orders-field.api';
import { ORDERS_RESOURCES_API } from './orders-resources.api';
import { ORDERS_WORK_API } from './orders-work.api';

/** The states that end an order: what a command on it answers then (the status in details.orderStatus). */
export const ORDER_ENDED_ERRORS = [
  'ORDERS.ORDER_CLOSED',
  'ORDERS.ORDER_COMPLETED',
  'ORDERS.ORDER_CANCELLED',
] as const;
/** A slot's rules the schema cannot state (assertSlot). */
const SLOT_ERRORS = ['ORDERS.INVALID_SLOT', 'ORDERS.SLOT_REVERSED', 'ORDERS.SLOT_ACROSS_DAYS'] as const;

/** Requests, dispatch and the queue (items 1, 3). */
const ORDERS_REQUESTS_API = {
  RegisterRequest: {
    http: { method: 'POST', path: 'orders', status: 201, etag: true, location: true },
    access: ORDER_WRITERS,
    personalData: true,
    errors: [
      'ORDERS.INVALID_LINE',
      'ORDERS.INVALID_KIND',
      'ORDERS.INVALID_SERVICE_TYPE',
      'ORDERS.INVALID_ZONE',
      'ORDERS.INVALID_WANTED_AT',
      'ORDERS.INVALID_TEXT',
      'ORDERS.WANTED_IN_PAST',
      'ORDERS.NO_ENTITLEMENT',
      'ORDERS.NOT_UNDER_WARRANTY',
      'ORDERS.NO_ACTIVE_LEASE',
      'ORDERS.LEASE_AMBIGUOUS',
      'ORDERS.NOT_A_LEASE',
      'ORDERS.CUSTOMER_NOT_FOUND',
      'ORDERS.CUSTOMER_ERASED',
    ],
    summary:
      'Register a service request: first response due within 24 h, arrival within 6 (town) or 7 (suburb) working hours',
  },
  RespondToRequest: {
    http: {
      method: 'POST',
      path: 'orders/:id/respond',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: ORDER_WRITERS,
    personalData: true,
    errors: ['ORDERS.ORDER_NOT_FOUND', 'ORDERS.ALREADY_RESPONDED', ...ORDER_ENDED_ERRORS],
    summary: 'Record the first response to the customer (late when past the 24 h deadline)',
  },
  DispatchOrder: {
    http: {
      method: 'POST',
      path: 'orders/:id/dispatch',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: DISPATCHERS,
    personalData: true,
    errors: [
      'ORDERS.ORDER_NOT_FOUND',
      ...ORDER_ENDED_ERRORS,
      'ORDERS.ALREADY_DISPATCHED',
      ...SLOT_ERRORS,
      'ORDERS.SLOT_IN_PAST',
      'ORDERS.STAFF_NOT_ELIGIBLE',
      'ORDERS.STAFF_UNAVAILABLE',
      'ORDERS.STAFF_NOT_SKILLED',
      'ORDERS.DOUBLE_BOOKED',
      'ORDERS.RESOURCE_NOT_FOUND',
      'ORDERS.RESOURCE_UNFIT',
    ],
    summary:
      'Dispatch the order to a person eligible at the slot, skilled for its kind (the dispatch policy), working then and not on leave, and free in it (no double booking); a closed (quote declined) or completed order: 422 ORDERS.ORDER_CLOSED / ORDERS.ORDER_COMPLETED',
  },
  ReassignOrder: {
    http: {
      method: 'POST',
      path: 'orders/:id/reassign',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: DISPATCHERS,
    personalData: true,
    errors: [
      'ORDERS.ORDER_NOT_FOUND',
      ...ORDER_ENDED_ERRORS,
      'ORDERS.ORDER_NOT_DISPATCHED',
      'ORDERS.WORK_ORDER_STARTED',
      'ORDERS.SAME_STAFF',
      'ORDERS.INVALID_TEXT',
      ...SLOT_ERRORS,
      'ORDERS.SLOT_IN_PAST',
      'ORDERS.STAFF_NOT_ELIGIBLE',
      'ORDERS.STAFF_UNAVAILABLE',
      'ORDERS.STAFF_NOT_SKILLED',
      'ORDERS.DOUBLE_BOOKED',
      'ORDERS.RESOURCE_NOT_FOUND',
      'ORDERS.RESOURCE_UNFIT',
    ],
    summary:
      'Move a dispatched order, before its work starts, to another person and/or another slot (within one day of the tenant’s calendar) or resource, with a reason (sealed): judged as a dispatch (slot, eligible, skilled, available, the resource fit, not double-booked); the bookings that change released and the new ones booked together; not dispatched, started, completed, closed or cancelled: 422 with the status in details.orderStatus',
  },
  CancelOrder: {
    http: {
      method: 'POST',
      path: 'orders/:id/cancel',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: ORDER_CANCELLERS,
    personalData: true,
    errors: [
      'ORDERS.ORDER_NOT_FOUND',
      'ORDERS.INVALID_TEXT',
      'ORDERS.WORK_ORDER_STARTED',
      ...ORDER_ENDED_ERRORS,
    ],
    summary:
      'Cancel the order before its work starts (registered, quoted, quote_accepted or dispatched), with a reason (sealed): its bookings are released, its timers cancelled, its SLA stopped; work begun, completed, closed or cancelled already: 422 with the status in details.orderStatus',
  },
  GetOrder: {
    http: { method: 'GET', path: 'orders/:id', status: 200, uuidParams: ['id'], etag: true, purpose: true },
    access: ORDER_READERS,
    personalData: true,
    errors: ['ORDERS.ORDER_NOT_FOUND'],
    summary:
      'An order, its status the furthest stage reached (registered → quoted → quote_accepted → dispatched → in_progress → completed; closed; cancelled), its arrival SLA counted in the tenant’s calendar as it stands',
  },
  GetOrderCandidates: {
    http: { method: 'GET', path: 'orders/:id/candidates', status: 200, uuidParams: ['id'] },
    access: DISPATCHERS,
    errors: ['ORDERS.ORDER_NOT_FOUND', ...SLOT_ERRORS],
    summary: 'The people the order could go to in a slot, ranked, each with why it is in or out',
  },
  ListDispatchQueue: {
    http: { method: 'GET', path: 'dispatch-queue', status: 200 },
    access: DISPATCHERS,
    errors: [],
    summary:
      'Requests waiting for dispatch: those not dispatched on an earlier day first, then by arrival deadline',
  },
  GetDispatchPolicy: {
    http: { method: 'GET', path: 'policies/dispatch', status: 200, etag: true },
    access: DISPATCHERS,
    errors: [],
    summary:
      'Your dispatch policy: the roles skilled for each request kind, and whether new requests are dispatched ' +
      'by the system (version 0: the defaults, off)',
  },
  ChangeDispatchPolicy: {
    http: { method: 'PUT', path: 'policies/dispatch', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    errors: ['ORDERS.DISPATCH_POLICY_REFUSED'],
    summary: 'Replace the dispatch policy (If-Match: its version); dispatches from now on apply it',
  },
} as const satisfies Record<string, Declaration>;

/** The orders service's methods: gRPC name → REST route, roles, summary; one file per area. */
export const ORDERS_API = {
  ...ORDERS_REQUESTS_API,
  ...ORDERS_WORK_API,
  ...ORDERS_RESOURCES_API,
  ...ORDERS_FIELD_API,
  ...ORDERS_AVAILABILITY_API,
} as const satisfies Record<string, Declaration>;
