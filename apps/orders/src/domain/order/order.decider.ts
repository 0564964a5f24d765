import { isBusinessLine, ORDER_FIELDS } from '@serviceops/contracts';
import {
  addBusinessHours,
  type BusinessCalendar,
  type Decider,
  isInstant,
  localDateOf,
  streamId,
  type TextRule,
} from '@serviceops/kernel';
import {
  type CancelOrder,
  type DispatchOrder,
  type EscalateArrivalRisk,
  type EscalateUnanswered,
  type HoldAutoDispatch,
  type OrderCommand,
  type OrderContext,
  type ReassignOrder,
  type RecordWorkStage,
  type RegisterRequest,
  REQUEST_KINDS,
  type RequestKind,
  type RespondToRequest,
  type Slot,
  SERVICE_TYPES,
  ZONES,
} from './order.commands';
import { arrivalSla } from './order.sla';
import { OrderErrorCode as E, orderError, type OrderErrorCode } from './order.errors';
import { type OrderEvent, STATUS_REACHED } from './order.events';
import { furthest, initialOrderState, type Order, type OrderState, type OrderStatus } from './order.state';

export type { OrderContext } from './order.commands';

const HOUR_MS = 3_600_000;

export function decideOrder(
  command: OrderCommand,
  state: OrderState,
  context: OrderContext,
): readonly OrderEvent[] {
  switch (command.type) {
    case 'RegisterRequest':
      return registerRequest(command, state, context);
    case 'RespondToRequest':
      return respond(command, state, context);
    case 'EscalateUnanswered':
      return escalate(command, state, context);
    case 'DispatchOrder':
      return dispatch(command, state, context);
    case 'ReassignOrder':
      return reassign(command, state, context);
    case 'EscalateArrivalRisk':
      return escalateArrival(command, state, context);
    case 'RecordWorkStage':
      return recordWorkStage(command, state, context);
    case 'CancelOrder':
      return cancel(command, state, context);
    case 'HoldAutoDispatch':
      return holdAutoDispatch(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function registerRequest(command: RegisterRequest, state: OrderState, context: OrderContext): OrderEvent[] {
  const d = command.data;
  if (state.status !== 'absent') throw orderError(E.ORDER_EXISTS, `order ${d.orderId} already exists`);
  const { now, calendar, policy } = context;
  if (calendar === undefined || policy === undefined)
    throw new Error('RegisterRequest needs the tenant’s calendar and orders policy in its context');
  if (!isBusinessLine(d.line))
    throw orderError(E.INVALID_LINE, 'line is not a business line', { field: 'line' });
  if (!oneOf(REQUEST_KINDS, d.kind))
    throw orderError(E.INVALID_KIND, `kind must be one of ${REQUEST_KINDS.join(', ')}`, { field: 'kind' });
  if (!oneOf(SERVICE_TYPES, d.serviceType))
    throw orderError(E.INVALID_SERVICE_TYPE, `serviceType must be one of ${SERVICE_TYPES.join(', ')}`, {
      field: 'serviceType',
    });
  if (!oneOf(ZONES, d.zone))
    throw orderError(E.INVALID_ZONE, `zone must be one of ${ZONES.join(', ')}`, { field: 'zone' });
  if (typeof d.wantedAt !== 'string' || !isInstant(d.wantedAt))
    throw orderError(E.INVALID_WANTED_AT, 'wantedAt must be an instant', { field: 'wantedAt' });
  if (Date.parse(d.wantedAt) < now.getTime())
    throw orderError(E.WANTED_IN_PAST, 'wantedAt must not be before the request', { field: 'wantedAt' });
  const address = text(d.address, 'address', ORDER_FIELDS.address);
  const subject = text(d.subject, 'subject', ORDER_FIELDS.subject);
  const problem = text(d.problem, 'problem', ORDER_FIELDS.problem);
  checkCoverage(command, context);
  const leaseContractId = leaseOf(command, context);
  const hours = policy.arrivalWithinBusinessHours[d.zone];
  return [
    {
      type: 'RequestRegistered',
      data: {
        orderId: d.orderId,
        customerId: d.customerId,
        line: d.line,
        kind: d.kind,
        serviceType: d.serviceType,
        wantedAt: new Date(d.wantedAt).toISOString(),
        zone: d.zone,
        address,
        subject,
        problem,
        ...(d.contractId === undefined ? {} : { contractId: d.contractId }),
        ...(leaseContractId === undefined ? {} : { leaseContractId }),
        quoteRequired: d.serviceType === 'paid',
        receivedAt: now.toISOString(),
        responseDueAt: new Date(now.getTime() + policy.firstResponseWithinHours * HOUR_MS).toISOString(),
        arrivalWithinBusinessHours: hours,
        arrivalDueAt: addBusinessHours(calendar, now, hours).toISOString(),
        policyVersion: policy.version,
      },
    },
  ];
}

/**
 * The tenant's calendar day at the request: contracts' dates (in force from, to) are the tenant's days, so a lease
 * ending on the 31st still holds at 07:30 on the 31st in Shanghai (23:30 UTC on the 30th) and no longer at 00:30 on
 * the 1st (16:30 UTC on the 31st).
 */
function tenantToday(context: OrderContext): string {
  if (context.calendar === undefined) throw new Error('a request is dated in the tenant’s calendar');
  return localDateOf(context.calendar.timeZone, context.now);
}

/** Under contract: an entitlement in force on this line with a session left (a package's); under warranty: coverage. */
function checkCoverage(command: RegisterRequest, context: OrderContext): void {
  const d = command.data;
  if (d.serviceType === 'paid') return;
  const e = context.entitlement;
  const today = tenantToday(context);
  const usable =
    e !== undefined &&
    e.customerId === d.customerId &&
    (d.contractId === undefined || e.contractId === d.contractId);
  if (d.serviceType === 'under_contract') {
    const inForce =
      usable && e.line === d.line && e.effectiveFrom.slice(0, 10) <= today && today <= e.endDate.slice(0, 10);
    if (!inForce)
      throw orderError(E.NO_ENTITLEMENT, 'no contract in force entitles this request', {
        field: 'contractId',
      });
    if (e.sessionsLeft !== null && e.sessionsLeft <= 0)
      throw orderError(E.NO_ENTITLEMENT, 'the package has no session left', {
        contractId: e.contractId,
        sessionsLeft: 0,
      });
    return;
  }
  const w = usable ? e.warranty : null;
  const covered =
    w !== null &&
    w.from.slice(0, 10) <= today &&
    today <= w.to.slice(0, 10) &&
    w.products.includes(d.subject.trim());
  if (!covered)
    throw orderError(E.NOT_UNDER_WARRANTY, 'the product is not under warranty at this date', {
      field: 'subject',
    });
}

/** Kinds of order done on a leased unit: each refers to its lease. */
export const LEASED_KINDS = ['rental_visit', 'rental_return'] as const satisfies readonly RequestKind[];
export const isLeasedKind = (kind: RequestKind): boolean =>
  (LEASED_KINDS as readonly string[]).includes(kind);

/**
 * A rental visit or return refers to its lease: the request's contract when it is one of the customer's leases in
 * force (else ORDERS.NOT_A_LEASE), or without one the customer's only lease in force (none:
 * ORDERS.NO_ACTIVE_LEASE; several: ORDERS.LEASE_AMBIGUOUS, name one). Other kinds have none.
 */
function leaseOf(command: RegisterRequest, context: OrderContext): string | undefined {
  const d = command.data;
  if (!isLeasedKind(d.kind)) return undefined;
  const today = tenantToday(context);
  const inForce = (context.leases ?? []).filter(
    (l) =>
      l.customerId === d.customerId &&
      l.effectiveFrom.slice(0, 10) <= today &&
      today <= l.endDate.slice(0, 10),
  );
  if (d.contractId !== undefined) {
    if (inForce.some((l) => l.contractId === d.contractId)) return d.contractId;
    throw orderError(E.NOT_A_LEASE, 'contractId is not a rental lease of this customer in force', {
      field: 'contractId',
    });
  }
  const [only, ...more] = inForce;
  if (only === undefined)
    throw orderError(E.NO_ACTIVE_LEASE, 'the customer has no rental lease in force', { field: 'contractId' });
  if (more.length > 0)
    throw orderError(
      E.LEASE_AMBIGUOUS,
      'the customer has several rental leases in force: name one as contractId',
      {
        field: 'contractId',
        leases: inForce.length,
      },
    );
  return only.contractId;
}

function respond(command: RespondToRequest, state: OrderState, context: OrderContext): OrderEvent[] {
  const order = open(existing(state, command.data.orderId));
  if (order.respondedAt !== undefined)
    throw orderError(E.ALREADY_RESPONDED, `order ${order.orderId} was answered already`);
  const now = context.now;
  return [
    {
      type: 'RequestResponded',
      data: {
        orderId: order.orderId,
        respondedAt: now.toISOString(),
        late: now.getTime() > Date.parse(order.responseDueAt),
      },
    },
  ];
}

/** The timer's command: one escalation for an unanswered request past its deadline, nothing otherwise. */
function escalate(command: EscalateUnanswered, state: OrderState, context: OrderContext): OrderEvent[] {
  if (state.status === 'absent' || state.orderId !== command.data.orderId || ended(state)) return [];
  if (state.respondedAt !== undefined || state.escalatedAt !== undefined) return [];
  if (context.now.getTime() < Date.parse(state.responseDueAt)) return [];
  return [
    {
      type: 'RequestResponseOverdue',
      data: {
        orderId: state.orderId,
        customerId: state.customerId,
        responseDueAt: state.responseDueAt,
        escalatedAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * The timer's command: one escalation when the arrival deadline, recounted in the calendar as it stands, is
 * within an hour of business time or past; nothing before (a calendar change moved it) or once escalated.
 */
function escalateArrival(
  command: EscalateArrivalRisk,
  state: OrderState,
  context: OrderContext,
): OrderEvent[] {
  if (state.status === 'absent' || state.orderId !== command.data.orderId || ended(state)) return [];
  if (state.arrivalEscalatedAt !== undefined) return [];
  if (context.calendar === undefined) throw new Error('EscalateArrivalRisk needs the tenant’s calendar');
  const sla = arrivalSla(
    {
      orderId: state.orderId,
      receivedAt: state.receivedAt,
      arrivalWithinBusinessHours: state.arrivalWithinBusinessHours,
      ...(state.startedAt === undefined ? {} : { arrivedAt: state.startedAt }),
    },
    context.calendar,
    context.now,
  );
  if (sla.state !== 'at_risk' && sla.state !== 'missed') return [];
  return [
    {
      type: 'OrderArrivalAtRisk',
      data: {
        orderId: state.orderId,
        arrivalDueAt: sla.dueAt,
        state: sla.state,
        escalatedAt: context.now.toISOString(),
      },
    },
  ];
}

function dispatch(command: DispatchOrder, state: OrderState, context: OrderContext): OrderEvent[] {
  const order = open(existing(state, command.data.orderId));
  const { staffId, slot, resourceId } = command.data;
  if (order.dispatch !== undefined)
    throw orderError(E.ALREADY_DISPATCHED, `order ${order.orderId} is dispatched already`, {
      staffId: order.dispatch?.staffId,
    });
  if (context.calendar === undefined)
    throw new Error('DispatchOrder needs the tenant’s calendar in its context');
  assertSlot(slot, context.now, context.calendar);
  assertStaffFit(staffId, order.kind, slot, context);
  if (resourceId !== undefined) assertResourceFit(resourceId, slot, context, 'DispatchOrder');
  return [
    {
      type: 'OrderDispatched',
      data: {
        orderId: order.orderId,
        staffId,
        ...(resourceId === undefined ? {} : { resourceId }),
        slot: { start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() },
        dispatchedAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * The person may take the order in the slot: eligible at its start, skilled for the kind, working and not on
 * leave in it (the bookings are the booking streams' to judge). A dispatch and a reassignment ask the same.
 */
function assertStaffFit(staffId: string, kind: RequestKind, slot: Slot, context: OrderContext): void {
  const verdict = context.staff;
  if (verdict === undefined || verdict.staffId !== staffId)
    throw new Error('A dispatch needs the person’s eligibility at the slot in its context');
  if (!verdict.eligible)
    throw orderError(E.STAFF_NOT_ELIGIBLE, `staff ${staffId} is not eligible at ${slot.start}`, {
      staffId,
      reasons: verdict.reasons,
    });
  if (context.skill && !context.skill.skilled)
    throw orderError(E.STAFF_NOT_SKILLED, `staff ${staffId} is not skilled for ${kind}`, {
      staffId,
      reasons: context.skill.reasons,
    });
  if (context.availability && !context.availability.available)
    throw orderError(E.STAFF_UNAVAILABLE, `staff ${staffId} is not available in the slot`, {
      staffId,
      reasons: context.availability.reasons,
    });
}

/**
 * A dispatched order, before work starts, moves to another person, slot or resource, judged as a dispatch is: a new
 * slot within one day of the tenant's calendar and not begun (`assertSlot`), the person fit at the slot (eligible,
 * skilled, available), a resource booked anew fit at it. Not dispatched yet: 422 ORDERS.ORDER_NOT_DISPATCHED; work
 * begun: ORDERS.WORK_ORDER_STARTED; ended: its own code; each with the status in `details.orderStatus`. Nothing
 * changing (the same person, slot and resource): ORDERS.SAME_STAFF. A kept slot may have begun (nobody arrived:
 * someone else goes).
 */
function reassign(command: ReassignOrder, state: OrderState, context: OrderContext): OrderEvent[] {
  const order = open(existing(state, command.data.orderId));
  const { staffId } = command.data;
  if (order.status === 'in_progress')
    throw orderError(E.WORK_STARTED, `order ${order.orderId} cannot be reassigned: its work has begun`, {
      orderStatus: order.status,
    });
  const current = order.dispatch;
  if (order.status !== 'dispatched' || current === undefined)
    throw orderError(E.NOT_DISPATCHED, `order ${order.orderId} is not dispatched`, {
      orderStatus: order.status,
    });
  const moved = reassignedSlot(command.data.slot, current.slot, context);
  const slot = moved ?? current.slot;
  const resourceId = command.data.resourceId ?? current.resourceId;
  const resourceChanged = resourceId !== current.resourceId;
  if (current.staffId === staffId && moved === undefined && !resourceChanged)
    throw orderError(
      E.SAME_STAFF,
      `order ${order.orderId} is with staff ${staffId} already, then and there`,
      {
        staffId,
      },
    );
  const reason = text(command.data.reason, 'reason', ORDER_FIELDS.reassignReason);
  assertStaffFit(staffId, order.kind, slot, context);
  if (resourceId !== undefined && (resourceChanged || moved !== undefined))
    assertResourceFit(resourceId, slot, context, 'ReassignOrder');
  return [
    {
      type: 'OrderReassigned',
      data: {
        orderId: order.orderId,
        fromStaffId: current.staffId,
        staffId,
        ...(resourceId === undefined ? {} : { resourceId }),
        slot,
        ...(moved === undefined ? {} : { fromSlot: current.slot }),
        ...(resourceChanged && current.resourceId !== undefined
          ? { fromResourceId: current.resourceId }
          : {}),
        reassignedAt: context.now.toISOString(),
        reason,
      },
    },
  ];
}

/**
 * A reassignment's new slot, judged as a dispatch's (`assertSlot` in the tenant's calendar) and written as ISO
 * instants; undefined when none is given or it is the slot the order has.
 */
function reassignedSlot(given: Slot | undefined, current: Slot, context: OrderContext): Slot | undefined {
  if (given === undefined) return undefined;
  if (context.calendar === undefined)
    throw new Error('ReassignOrder to a new slot needs the tenant’s calendar in its context');
  assertSlot(given, context.now, context.calendar);
  const slot = { start: new Date(given.start).toISOString(), end: new Date(given.end).toISOString() };
  return slot.start === current.start && slot.end === current.end ? undefined : slot;
}

/** A resource going along in the slot must be fit then (ORDERS.RESOURCE_UNFIT, with the reasons). */
function assertResourceFit(resourceId: string, slot: Slot, context: OrderContext, what: string): void {
  const resource = context.resource;
  if (resource === undefined || resource.resourceId !== resourceId)
    throw new Error(`${what} with a resource needs its fitness at the slot in its context`);
  if (!resource.fit)
    throw orderError(E.RESOURCE_UNFIT, `resource ${resourceId} is not fit at ${slot.start}`, {
      resourceId,
      reasons: resource.reasons,
    });
}

/** The statuses the system dispatches from: waiting for dispatch, needing no quote or with the quote accepted. */
export const AUTO_DISPATCHABLE_STATUSES = [
  'registered',
  'quote_accepted',
] as const satisfies readonly OrderStatus[];

/** Recorded once per attempt, and only while the order still waits for dispatch (else nothing). */
function holdAutoDispatch(command: HoldAutoDispatch, state: OrderState, context: OrderContext): OrderEvent[] {
  const d = command.data;
  if (state.status === 'absent') return [];
  if (!(AUTO_DISPATCHABLE_STATUSES as readonly string[]).includes(state.status) || state.dispatch) return [];
  if (state.autoDispatchHeld?.includes(d.attempt)) return [];
  return [
    {
      type: 'OrderAutoDispatchHeld',
      data: {
        orderId: d.orderId,
        attempt: d.attempt,
        slot: d.slot,
        reason: d.reason,
        candidates: d.candidates.map((c) => ({ staffId: c.staffId, reasons: [...c.reasons] })),
        heldAt: context.now.toISOString(),
      },
    },
  ];
}

/** Kinds of order that are a maintenance visit: completed under a contract, contracts counts them. */
export const MAINTENANCE_VISIT_KINDS = [
  'maintenance',
  'rental_visit',
] as const satisfies readonly RequestKind[];
const isVisitKind = (kind: RequestKind): kind is (typeof MAINTENANCE_VISIT_KINDS)[number] =>
  (MAINTENANCE_VISIT_KINDS as readonly string[]).includes(kind);

/**
 * The order follows its work order's stage: its status moves on only forward in the lifecycle (a quote issued
 * after the dispatch leaves it dispatched: nothing). Completion of a maintenance visit under a contract publishes
 * it for contracts. A closed or completed order takes no further stage.
 */
function recordWorkStage(command: RecordWorkStage, state: OrderState, context: OrderContext): OrderEvent[] {
  const order = open(existing(state, command.data.orderId));
  const { stage } = command.data;
  if (furthest(order.status, stage) === order.status) return [];
  const at = context.now.toISOString();
  const { orderId } = order;
  switch (stage) {
    case 'quoted':
      return [{ type: 'OrderQuoted', data: { orderId, at } }];
    case 'quote_accepted':
      return [{ type: 'OrderQuoteAccepted', data: { orderId, at } }];
    case 'closed':
      return [{ type: 'OrderClosed', data: { orderId, reason: 'quote_declined', at } }];
    case 'in_progress':
      return [{ type: 'OrderWorkStarted', data: { orderId, startedAt: at } }];
    case 'completed': {
      const completed: OrderEvent = { type: 'OrderWorkCompleted', data: { orderId, completedAt: at } };
      const kind = order.kind;
      // A rental visit is counted under its lease (the order's contract otherwise).
      const contractId = order.contractId ?? order.leaseContractId;
      if (contractId === undefined || !isVisitKind(kind)) return [completed];
      return [
        completed,
        {
          type: 'MaintenanceVisitCompleted',
          data: {
            orderId,
            contractId,
            customerId: order.customerId,
            kind,
            ...(order.dispatch ? { staffId: order.dispatch.staffId } : {}),
            completedAt: at,
          },
        },
      ];
    }
    default: {
      const unhandled: never = stage;
      return unhandled;
    }
  }
}

/**
 * The statuses that end an order, each refused with its code and the status in `details.orderStatus` (not
 * `status`: a problem's `status` is its HTTP status).
 */
const ENDED = {
  closed: [E.ORDER_CLOSED, 'is closed: its quote was declined'],
  completed: [E.ORDER_COMPLETED, 'is completed'],
  cancelled: [E.ORDER_CANCELLED, 'is cancelled'],
} as const satisfies Partial<Record<OrderStatus, readonly [OrderErrorCode, string]>>;
type EndedStatus = keyof typeof ENDED;
const isEnded = (status: OrderStatus): status is EndedStatus => Object.hasOwn(ENDED, status);

/** Closed (quote declined), completed or cancelled: the order takes nothing more. */
function ended(order: Order): boolean {
  return isEnded(order.status);
}

/**
 * Whether the order still waits for someone to arrive, with no arrival escalation yet: only then is a next arrival
 * check set (not once it is started, closed, completed or cancelled).
 */
export function awaitsArrivalCheck(state: OrderState): boolean {
  return (
    state.status !== 'absent' &&
    !ended(state) &&
    state.startedAt === undefined &&
    state.arrivalEscalatedAt === undefined
  );
}

/** The order, unless closed, completed or cancelled (422 naming the state). */
function open(order: Order): Order {
  if (isEnded(order.status)) {
    const [code, what] = ENDED[order.status];
    throw orderError(code, `order ${order.orderId} ${what}`, { orderStatus: order.status });
  }
  return order;
}

/** The statuses an order may be cancelled in: before work starts. */
export const CANCELLABLE_STATUSES = [
  'registered',
  'quoted',
  'quote_accepted',
  'dispatched',
] as const satisfies readonly OrderStatus[];
const isCancellable = (status: OrderStatus): status is (typeof CANCELLABLE_STATUSES)[number] =>
  (CANCELLABLE_STATUSES as readonly OrderStatus[]).includes(status);

/**
 * Cancelled before work starts, with a reason (sealed). Work begun (in_progress): 422 ORDERS.WORK_ORDER_STARTED;
 * closed, completed or cancelled already: their own code; each names the status in `details.orderStatus`.
 */
function cancel(command: CancelOrder, state: OrderState, context: OrderContext): OrderEvent[] {
  const order = open(existing(state, command.data.orderId));
  const from = order.status;
  if (!isCancellable(from))
    throw orderError(E.WORK_STARTED, `order ${order.orderId} cannot be cancelled: its work has begun`, {
      orderStatus: from,
    });
  const reason = text(command.data.reason, 'reason', ORDER_FIELDS.cancelReason);
  return [
    {
      type: 'OrderCancelled',
      data: {
        orderId: order.orderId,
        customerId: order.customerId,
        ...(order.contractId === undefined ? {} : { contractId: order.contractId }),
        from,
        reason,
        cancelledAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * A slot is two instants, start before end, not in the past, within one day of the tenant's calendar: its start
 * and its last millisecond fall on the same local date in the calendar's time zone (07:30–08:30 in Shanghai is
 * one working day although UTC midnight falls in it; the bookings of such a slot go to both UTC days' streams, see
 * `bookingStreamIds`).
 */
export function assertSlot(
  slot: { start: string; end: string },
  now: Date,
  calendar: Pick<BusinessCalendar, 'timeZone'>,
): void {
  const ok =
    typeof slot === 'object' &&
    slot !== null &&
    typeof slot.start === 'string' &&
    typeof slot.end === 'string' &&
    isInstant(slot.start) &&
    isInstant(slot.end);
  if (!ok) throw orderError(E.INVALID_SLOT, 'slot needs a start and an end instant', { field: 'slot' });
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  if (end.getTime() <= start.getTime())
    throw orderError(E.SLOT_REVERSED, 'slot must end after it starts', { field: 'slot' });
  if (start.getTime() < now.getTime())
    throw orderError(E.SLOT_IN_PAST, 'slot must not start in the past', { field: 'slot.start' });
  const { timeZone } = calendar;
  if (localDateOf(timeZone, start) !== localDateOf(timeZone, new Date(end.getTime() - 1)))
    throw orderError(
      E.SLOT_ACROSS_DAYS,
      `slot must lie within one day of the tenant's calendar (${timeZone})`,
      {
        field: 'slot',
      },
    );
}

export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'RequestRegistered') {
    const {
      orderId,
      customerId,
      kind,
      serviceType,
      contractId,
      leaseContractId,
      zone,
      receivedAt,
      responseDueAt,
      arrivalWithinBusinessHours,
    } = event.data;
    return {
      status: 'registered',
      orderId,
      customerId,
      kind,
      serviceType,
      ...(contractId === undefined ? {} : { contractId }),
      ...(leaseContractId === undefined ? {} : { leaseContractId }),
      zone,
      receivedAt,
      responseDueAt,
      arrivalWithinBusinessHours,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'RequestResponded':
      return { ...state, respondedAt: event.data.respondedAt };
    case 'RequestResponseOverdue':
      return { ...state, escalatedAt: event.data.escalatedAt };
    case 'OrderArrivalAtRisk':
      return { ...state, arrivalEscalatedAt: event.data.escalatedAt };
    case 'OrderDispatched':
      return {
        ...state,
        status: furthest(state.status, STATUS_REACHED.OrderDispatched),
        dispatch: {
          staffId: event.data.staffId,
          slot: event.data.slot,
          ...(event.data.resourceId === undefined ? {} : { resourceId: event.data.resourceId }),
        },
      };
    case 'OrderReassigned':
      return {
        ...state,
        dispatch: {
          staffId: event.data.staffId,
          slot: event.data.slot,
          ...(event.data.resourceId === undefined ? {} : { resourceId: event.data.resourceId }),
        },
      };
    case 'OrderQuoted':
      return { ...state, status: furthest(state.status, STATUS_REACHED.OrderQuoted) };
    case 'OrderQuoteAccepted':
      return { ...state, status: furthest(state.status, STATUS_REACHED.OrderQuoteAccepted) };
    case 'OrderClosed':
      return { ...state, status: furthest(state.status, STATUS_REACHED.OrderClosed) };
    case 'OrderWorkStarted':
      return {
        ...state,
        status: furthest(state.status, STATUS_REACHED.OrderWorkStarted),
        startedAt: event.data.startedAt,
      };
    case 'OrderWorkCompleted':
      return { ...state, status: furthest(state.status, STATUS_REACHED.OrderWorkCompleted) };
    case 'OrderCancelled':
      return {
        ...state,
        status: furthest(state.status, STATUS_REACHED.OrderCancelled),
        cancelledAt: event.data.cancelledAt,
      };
    case 'MaintenanceVisitCompleted':
      return state;
    case 'OrderAutoDispatchHeld':
      return { ...state, autoDispatchHeld: [...(state.autoDispatchHeld ?? []), event.data.attempt] };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState, OrderContext> = {
  initialState: initialOrderState,
  decide: decideOrder,
  evolve: evolveOrder,
};

/** 'order-<tenantId>-<orderId>' */
export function orderStreamId(tenantId: string, orderId: string): string {
  return streamId('order', tenantId, orderId);
}

function existing(state: OrderState, orderId: string): Order {
  if (state.status === 'absent' || state.orderId !== orderId)
    throw orderError(E.ORDER_NOT_FOUND, `order ${orderId} does not exist`, { orderId });
  return state;
}

function text(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string' || !rule.accepts(value))
    throw orderError(E.INVALID_TEXT, `${field} ${rule.message}`, { field });
  return value.trim();
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
