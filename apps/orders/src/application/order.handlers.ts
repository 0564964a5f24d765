import { Inject, Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import { withTransaction } from '@serviceops/eventstore';
import { addBusinessHours, type BusinessCalendar, type Clock } from '@serviceops/kernel';
import {
  asOfDate,
  execute,
  executeTogether,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  optional,
  type CallContext,
  type DueTimer,
  type StreamPart,
} from '@serviceops/platform';
import {
  type Book,
  bookingDecider,
  bookingStreamIds,
  type BookingCommand,
  type BookingEvent,
  type BookingState,
} from '../domain/booking/booking.decider';
import { availabilityAt } from '../domain/dispatch/availability';
import { rankCandidates, type Candidate } from '../domain/dispatch/candidates';
import { eligibilityAt } from '../domain/dispatch/eligibility';
import { skilledFor } from '../domain/dispatch/skills';
import { dispatchQueue } from '../domain/order/order.sla';
import { cancelOrder, type CancelOrder } from '../domain/order/cancel-order';
import { dispatchOrder, type DispatchOrder } from '../domain/order/dispatch-order';
import type { OrderContext, Slot } from '../domain/order/order.state';
import {
  assertSlot,
  awaitsArrivalCheck,
  isLeasedKind,
  ORDER_USE_CASES,
  orderDecider,
  orderStreamId,
  type OrderCommand,
} from '../domain/order/order.decider';
import type { OrderEvent } from '../domain/order/order.events';
import { reassignOrder, type ReassignOrder } from '../domain/order/reassign-order';
import { registerRequest, type RegisterRequest } from '../domain/order/register-request';
import type { OrderState } from '../domain/order/order.state';
import type { PoolClient } from 'pg';
import { availabilityOf } from '../infrastructure/availability.repository';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import {
  ARRIVAL_RISK_TIMER,
  arrivalRiskTimerId,
  CLOCK,
  DEFAULT_ORDERS_POLICY,
  FIRST_RESPONSE_TIMER,
  firstResponseTimerId,
  keepOrderRow,
  notFoundOrder,
  orderTimerPrefixes,
  OrderStore,
} from './order-store';
import { checkBodyIds } from './body-ids';
import { orderViewOf, type OrderView } from './order-view';
import { dispatchPolicyOf } from './dispatch-policy.handlers';
import { resourceVerdictAt } from './resources.handlers';

/** The arrival check's time: an hour of business time before the deadline. */
const arrivalWarnAt = (calendar: BusinessCalendar, receivedAt: string, hours: number): Date =>
  addBusinessHours(calendar, new Date(receivedAt), Math.max(0, hours - 1));
const arrivalCheckId = (orderId: string, warnAt: Date): string =>
  `${arrivalRiskTimerId(orderId)}:${warnAt.toISOString()}`;

type S = OrderState | BookingState;
type E = OrderEvent | BookingEvent;

/** A booking stream a command appends to, and whose it is ('staff:<id>' / 'resource:<id>'). */
interface HolderStream {
  readonly holder: string;
  readonly part: StreamPart<S, E>;
}

/** Each holder's booking streams for the slot: one per UTC day it touches (`bookingStreamIds`), holder by holder. */
const holderStreams = (tenantId: string, holders: readonly string[], slot: Slot): HolderStream[] =>
  holders.flatMap((holder) =>
    bookingStreamIds(tenantId, holder, slot).map((streamId) => ({
      holder,
      part: {
        streamId,
        evolve: bookingDecider.evolve as (s: S, e: E) => S,
        initialState: bookingDecider.initialState,
      },
    })),
  );

/** The parts a booking command appends to together: the order's stream (at the caller's version), then the bookings. */
const orderWithBookings = (
  streamId: string,
  codec: StreamPart<S, E>['codec'],
  expectedVersion: number | undefined,
  bookings: readonly HolderStream[],
): StreamPart<S, E>[] => [
  {
    streamId,
    evolve: orderDecider.evolve as (s: S, e: E) => S,
    initialState: orderDecider.initialState,
    codec,
    ...optional('expectedVersion', expectedVersion),
  },
  ...bookings.map((b) => b.part),
];

/** The booking command decided on each holder's streams, in their order (after the order's own stream). */
const decideBookings = (
  streams: readonly HolderStream[],
  states: readonly S[],
  command: (holder: string) => BookingCommand,
): BookingEvent[][] =>
  streams.map(({ holder }, i) => [
    ...bookingDecider.decide(command(holder), states[i] as BookingState, undefined),
  ]);

/** One booking stream (a holder's UTC day) as a part appended with the order's stream. */
const bookingPart = (streamId: string): StreamPart<S, E> => ({
  streamId,
  evolve: bookingDecider.evolve as (s: S, e: E) => S,
  initialState: bookingDecider.initialState,
});

/** What a reassignment books and releases, per booking stream, and the resource it books anew (judged fit). */
interface ReassignmentPlan {
  readonly slot: Slot;
  /** The streams touched, each once: a person kept at a new slot on the same day releases and books in one. */
  readonly streams: readonly string[];
  readonly bookedResource?: string;
  /** The booking events of one stream: its releases, then its bookings, each decided on the state before it. */
  readonly decide: (streamId: string, state: BookingState) => BookingEvent[];
}

/**
 * The bookings a reassignment changes: the person's (another person, or the same at another slot) and the
 * resource's (another resource, or the same at another slot), released on every UTC day of the slot the order has
 * and booked on every UTC day of the one it gets (`bookingStreamIds`). Undefined when nothing changes.
 */
function reassignmentPlan(
  tenantId: string,
  orderId: string,
  current: { readonly staffId: string; readonly slot: Slot; readonly resourceId?: string },
  staffId: string,
  newSlot: Slot | undefined,
  resourceId: string | undefined,
): ReassignmentPlan | undefined {
  const slot =
    newSlot === undefined
      ? current.slot
      : { start: new Date(newSlot.start).toISOString(), end: new Date(newSlot.end).toISOString() };
  const slotMoved = slot.start !== current.slot.start || slot.end !== current.slot.end;
  const resource = resourceId ?? current.resourceId;
  const moves: { holder: string; streamId: string; command: BookingCommand }[] = [];
  const move = (from: string | undefined, to: string | undefined) => {
    if (from === to && !slotMoved) return;
    if (from !== undefined)
      for (const streamId of bookingStreamIds(tenantId, from, current.slot))
        moves.push({ holder: from, streamId, command: { type: 'Release', data: { holder: from, orderId } } });
    if (to !== undefined)
      for (const streamId of bookingStreamIds(tenantId, to, slot))
        moves.push({ holder: to, streamId, command: { type: 'Book', data: { holder: to, orderId, slot } } });
  };
  move(`staff:${current.staffId}`, `staff:${staffId}`);
  move(
    current.resourceId === undefined ? undefined : `resource:${current.resourceId}`,
    resource === undefined ? undefined : `resource:${resource}`,
  );
  if (moves.length === 0) return undefined;
  const ordered = [
    ...moves.filter((m) => m.command.type === 'Release'),
    ...moves.filter((m) => m.command.type === 'Book'),
  ];
  return {
    slot,
    streams: [...new Set(ordered.map((m) => m.streamId))],
    ...(resource !== undefined && (resource !== current.resourceId || slotMoved)
      ? { bookedResource: resource }
      : {}),
    decide: (streamId, state) => {
      const events: BookingEvent[] = [];
      let now = state;
      for (const m of ordered.filter((o) => o.streamId === streamId))
        for (const event of bookingDecider.decide(m.command, now, undefined)) {
          events.push(event);
          now = bookingDecider.evolve(now, event);
        }
      return events;
    },
  };
}

const systemCall = (tenantId: string, actor: string, correlationId: string): CallContext => ({
  tenantId,
  actorId: `system:${actor}`,
  roles: [],
  correlationId,
});

/** Register, respond, dispatch; the timer's escalation. Load → decide → append, the facts read beforehand. */
@Injectable()
export class OrderHandlers {
  constructor(
    private readonly orders: OrderStore,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new order: decided on the calendar, the contract's entitlement, the customer's leases; its SLA timers armed. */
  @HandlesUseCase(registerRequest)
  async register(command: RegisterRequest, _request: object, call: CallContext): Promise<OrderView> {
    checkBodyIds(command.data, 'customerId', 'contractId');
    const { orderId, customerId, contractId, kind } = command.data;
    const { runtime } = this.orders;
    const [calendar, entitlement, codec, leases] = await Promise.all([
      this.facts.calendarOf(call.tenantId),
      contractId ? this.facts.entitlementOf(call.tenantId, contractId) : Promise.resolve(undefined),
      this.orders.codecForNew(call.tenantId, customerId),
      isLeasedKind(kind) ? this.facts.leasesOf(call.tenantId, customerId) : Promise.resolve(undefined),
    ]);
    const policy = DEFAULT_ORDERS_POLICY;
    const now = this.clock.now();
    const done = await runtime.timed('RegisterRequest', () =>
      execute(
        runtime.store,
        orderDecider,
        orderStreamId(call.tenantId, orderId),
        command,
        { now, calendar, policy, ...optional('entitlement', entitlement), ...optional('leases', leases) },
        call,
        {
          codec,
          newStream: true,
          policyVersion: policy.version,
          inline: async (tx, _state, version, events) => {
            await keepOrderRow(tx, call.tenantId, version, events as OrderEvent[]);
            for (const e of events as OrderEvent[])
              if (e.type === 'RequestRegistered') {
                await this.orders.timers.schedule(tx, {
                  id: firstResponseTimerId(orderId),
                  tenantId: call.tenantId,
                  kind: FIRST_RESPONSE_TIMER,
                  dueAt: new Date(e.data.responseDueAt),
                  payload: { orderId },
                });
                await this.scheduleArrivalRisk(
                  tx,
                  call.tenantId,
                  orderId,
                  calendar,
                  e.data.receivedAt,
                  e.data.arrivalWithinBusinessHours,
                );
              }
          },
        },
      ),
    );
    return orderViewOf(done.events, done.version, seesPersonalData(call.roles), calendar, now);
  }

  /**
   * A use case that is the whole of its declared method (`handles`, in its file under domain/order/: responding to
   * a request): load, decide, append, then the order as it stands. Bound to each at the end of this file.
   */
  async change(
    call: CallContext,
    command: OrderCommand & { data: { orderId: string } },
    expectedVersion: number | undefined,
  ): Promise<OrderView> {
    await this.act(call, command, expectedVersion);
    return this.view(call, command.data.orderId);
  }

  /** The first-response deadline passed: escalate once (nothing if answered, or escalated already). */
  async escalate(timer: DueTimer): Promise<void> {
    const orderId = timer.payload['orderId'];
    if (typeof orderId !== 'string') throw new Error(`timer ${timer.id} names no order`);
    await this.act(systemCall(timer.tenantId, 'first-response-deadline', timer.id), {
      type: 'EscalateUnanswered',
      data: { orderId },
    });
  }

  /**
   * An hour (of business time) before the arrival deadline: escalate once if the order is about to miss it. A
   * calendar change may have moved the deadline: then nothing is escalated and the next check is set.
   */
  async escalateArrival(timer: DueTimer): Promise<void> {
    const orderId = timer.payload['orderId'];
    if (typeof orderId !== 'string') throw new Error(`timer ${timer.id} names no order`);
    const calendar = await this.facts.calendarOf(timer.tenantId);
    const state = await this.act(
      systemCall(timer.tenantId, 'arrival-deadline', timer.id),
      { type: 'EscalateArrivalRisk', data: { orderId } },
      undefined,
      { calendar },
    );
    // Started, ended or cancelled: no further check (and never this timer again: it cannot move itself).
    if (state.status === 'absent' || !awaitsArrivalCheck(state)) return;
    const { receivedAt, arrivalWithinBusinessHours } = state;
    const warnAt = arrivalWarnAt(calendar, receivedAt, arrivalWithinBusinessHours);
    if (arrivalCheckId(orderId, warnAt) === timer.id) return;
    await withTransaction(this.orders.runtime.store.pool, (tx) =>
      this.scheduleArrivalRisk(tx, timer.tenantId, orderId, calendar, receivedAt, arrivalWithinBusinessHours),
    );
  }

  private async scheduleArrivalRisk(
    tx: PoolClient,
    tenantId: string,
    orderId: string,
    calendar: BusinessCalendar,
    receivedAt: string,
    hours: number,
  ): Promise<void> {
    const warnAt = arrivalWarnAt(calendar, receivedAt, hours);
    await this.orders.timers.schedule(tx, {
      // One id per warning time: a check moved by a calendar change is a new timer, not this one again.
      id: arrivalCheckId(orderId, warnAt),
      tenantId,
      kind: ARRIVAL_RISK_TIMER,
      dueAt: warnAt,
      payload: { orderId },
    });
  }

  /**
   * Dispatch to a person eligible at the slot's start and available in it (inside their working slots, clear of
   * approved leave: ORDERS.STAFF_UNAVAILABLE otherwise), the slot within one day of the tenant's calendar: the
   * order's stream and the person's booking streams of the slot (one per UTC day it touches) are appended
   * together, each on the version decided on, so of two overlapping dispatches one commits and the other is
   * decided again and refused (ORDERS.DOUBLE_BOOKED). A resource going along (a
   * vehicle, an equipment unit) is booked the same way, in the same transaction.
   */
  @HandlesUseCase(dispatchOrder)
  async dispatch(
    command: DispatchOrder,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<OrderView> {
    checkBodyIds(command.data, 'staffId', 'resourceId');
    const { orderId, staffId, resourceId, slot } = command.data;
    // An order of another tenant (or none) is 404 before anything about the request is judged.
    const { codec } = await this.orders.codecOf(call.tenantId, orderId);
    const now = this.clock.now();
    const calendar = await this.facts.calendarOf(call.tenantId);
    assertSlot(slot, now, calendar);
    const { timeZone } = calendar;
    const resourceVerdict = (tx?: PoolClient) =>
      resourceId === undefined
        ? Promise.resolve(undefined)
        : resourceVerdictAt(
            this.orders.runtime.store,
            call.tenantId,
            resourceId,
            timeZone,
            new Date(slot.start),
            tx,
          );
    const resource = await resourceVerdict();
    const row = await this.facts.order(call.tenantId, orderId);
    const fitness = await this.fitnessOf(call.tenantId, staffId, slot, row?.kind ?? '');
    // The person's streams, then the resource's: each UTC day the slot touches, all in one transaction.
    const bookings = holderStreams(
      call.tenantId,
      [`staff:${staffId}`, ...(resourceId === undefined ? [] : [`resource:${resourceId}`])],
      slot,
    );
    const parts = orderWithBookings(
      orderStreamId(call.tenantId, orderId),
      codec,
      request.expectedVersion,
      bookings,
    );
    const book = (holder: string): Book => ({ type: 'Book', data: { holder, orderId, slot } });
    const context: OrderContext = { now, calendar, ...fitness };
    let decidedOn: OrderState = orderDecider.initialState();
    const { runtime } = this.orders;
    await runtime.timed('DispatchOrder', () =>
      executeTogether<S, E>(
        runtime.store,
        parts,
        ([order, ...booked]) => {
          decidedOn = order as OrderState;
          const events = orderDecider.decide(command, decidedOn, {
            ...context,
            ...optional('resource', resource),
          });
          return [events, ...decideBookings(bookings, booked, book)];
        },
        call,
        {
          inline: async (tx, states) => {
            // The resource's fitness may have changed since it was read: decided again under its lock (a change
            // committed in between refuses the dispatch, and the whole transaction rolls back).
            if (resourceId !== undefined)
              orderDecider.decide(command, decidedOn, {
                ...context,
                ...optional('resource', await resourceVerdict(tx)),
              });
            const order = states[0] as OrderState;
            if (order.status === 'absent' || order.dispatch?.staffId !== staffId) return;
            await keepOrderRow(tx, call.tenantId, null, [
              {
                type: 'OrderDispatched',
                data: {
                  orderId,
                  staffId,
                  ...optional('resourceId', resourceId),
                  slot: order.dispatch.slot,
                  dispatchedAt: now.toISOString(),
                },
              },
            ]);
          },
        },
      ),
    );
    return this.view(call, orderId);
  }

  /**
   * Move a dispatched order, before work starts, to another person and/or another slot (`slot`, within one day of
   * the tenant's calendar) or resource (`resourceId`), with a reason (sealed). Judged as a dispatch is: the person
   * eligible at the slot's start, skilled, working and not on leave; a resource booked anew fit at it. The order's
   * stream, the booking streams released (the previous person's, resource's or slot's) and those booked (the new
   * ones: ORDERS.DOUBLE_BOOKED when taken) are appended together, each on the version decided on, so of two
   * reassignments racing for one slot one commits. What the order has is read from its stream; a change committed
   * in between changes it, so this one is decided again with its bookings.
   */
  @HandlesUseCase(reassignOrder)
  async reassign(
    command: ReassignOrder,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<OrderView> {
    checkBodyIds(command.data, 'staffId', 'resourceId');
    const { orderId, staffId, resourceId, slot: newSlot } = command.data;
    const { codec } = await this.orders.codecOf(call.tenantId, orderId);
    const { runtime } = this.orders;
    const calendar = await this.facts.calendarOf(call.tenantId);
    if (newSlot !== undefined) assertSlot(newSlot, this.clock.now(), calendar);
    const orderStream = orderStreamId(call.tenantId, orderId);
    const dispatchOf = (order: OrderState) => (order.status === 'absent' ? undefined : order.dispatch);
    for (let attempt = 1; ; attempt++) {
      const { state: seen } = await runtime.store.aggregate<OrderState>(
        orderStream,
        (s, e) => orderDecider.evolve(s, codec.decode(e)),
        orderDecider.initialState,
      );
      const current = dispatchOf(seen);
      const now = this.clock.now();
      // Not dispatched (or its work begun), or nothing changing: the decider refuses it on the order's stream alone.
      const plan =
        current && seen.status === 'dispatched'
          ? reassignmentPlan(call.tenantId, orderId, current, staffId, newSlot, resourceId)
          : undefined;
      const fitness =
        plan && seen.status !== 'absent'
          ? await this.fitnessOf(call.tenantId, staffId, plan.slot, seen.kind)
          : {};
      const resourceVerdict = (tx?: PoolClient) =>
        plan?.bookedResource === undefined
          ? Promise.resolve(undefined)
          : resourceVerdictAt(
              runtime.store,
              call.tenantId,
              plan.bookedResource,
              calendar.timeZone,
              new Date(plan.slot.start),
              tx,
            );
      const context: OrderContext = { now, calendar, ...fitness };
      const resource = await resourceVerdict();
      const streams = plan?.streams ?? [];
      const parts = orderWithBookings(
        orderStream,
        codec,
        request.expectedVersion,
        streams.map((id) => ({ holder: id, part: bookingPart(id) })),
      );
      let reassigned: readonly OrderEvent[] = [];
      let decidedOn: OrderState = orderDecider.initialState();
      let stale = false;
      await runtime.timed('ReassignOrder', () =>
        executeTogether<S, E>(
          runtime.store,
          parts,
          ([order, ...booked]) => {
            decidedOn = order as OrderState;
            // Moved (or dispatched) since it was read: not these bookings; read it again.
            stale = JSON.stringify(dispatchOf(decidedOn)) !== JSON.stringify(current);
            if (stale) return parts.map(() => []);
            reassigned = orderDecider.decide(command, decidedOn, {
              ...context,
              ...optional('resource', resource),
            });
            return [reassigned, ...streams.map((id, i) => plan?.decide(id, booked[i] as BookingState) ?? [])];
          },
          call,
          {
            inline: async (tx) => {
              // The resource's fitness may have changed since it was read: decided again under its lock.
              if (!stale && plan?.bookedResource !== undefined)
                orderDecider.decide(command, decidedOn, {
                  ...context,
                  ...optional('resource', await resourceVerdict(tx)),
                });
              await keepOrderRow(tx, call.tenantId, null, reassigned);
            },
          },
        ),
      );
      if (!stale) return this.view(call, orderId);
      if (attempt >= 3) throw new Error(`order ${orderId} kept changing while being reassigned`);
    }
  }

  /**
   * What a dispatch or a reassignment judges of the person at the slot: eligibility, availability, skill (their own
   * list of request kinds when staff recorded one, else their role's default).
   */
  private async fitnessOf(
    tenantId: string,
    staffId: string,
    slot: Slot,
    kind: string,
  ): Promise<Pick<OrderContext, 'staff' | 'availability' | 'skill'>> {
    const [eligibility, intervals, roles, listed, policy] = await Promise.all([
      this.facts.eligibilityOf(tenantId, [staffId]),
      availabilityOf(this.orders.runtime.store.pool, tenantId, [staffId]),
      this.facts.rolesOf(tenantId, [staffId]),
      this.facts.listedSkillsOf(tenantId, [staffId]),
      dispatchPolicyOf(this.orders, tenantId),
    ]);
    const verdict = eligibilityAt(eligibility.get(staffId) ?? [], new Date(slot.start));
    return {
      staff: { staffId, eligible: verdict.eligible, reasons: verdict.reasons },
      availability: availabilityAt(intervals.get(staffId) ?? [], slot),
      skill: skilledFor(kind, roles.get(staffId), policy.skills, listed.get(staffId)),
    };
  }

  /**
   * Cancel before work starts. A dispatched order's bookings (its person's and its resource's, on each UTC day of the slot)
   * are released in the same transaction as the order's stream, each stream on the version decided on; the order's
   * timers are disarmed and the order list updated there too. The bookings to release are read from the order's
   * stream; a dispatch committed in between changes that stream, so the cancellation is decided again with them.
   */
  @HandlesUseCase(cancelOrder)
  async cancel(
    command: CancelOrder,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<OrderView> {
    const { orderId } = command.data;
    const { codec } = await this.orders.codecOf(call.tenantId, orderId);
    const { runtime } = this.orders;
    const orderStream = orderStreamId(call.tenantId, orderId);
    // Each holder's streams of every UTC day the dispatched slot touches (none when not dispatched).
    const bookingsOf = (order: OrderState): HolderStream[] =>
      order.status === 'absent' || order.dispatch === undefined
        ? []
        : holderStreams(
            call.tenantId,
            [
              `staff:${order.dispatch.staffId}`,
              ...(order.dispatch.resourceId ? [`resource:${order.dispatch.resourceId}`] : []),
            ],
            order.dispatch.slot,
          );
    const streamsOf = (bookings: readonly HolderStream[]): string =>
      bookings.map((b) => b.part.streamId).join();
    for (let attempt = 1; ; attempt++) {
      const { state: seen } = await runtime.store.aggregate<OrderState>(
        orderStream,
        (s, e) => orderDecider.evolve(s, codec.decode(e)),
        orderDecider.initialState,
      );
      const bookings = bookingsOf(seen);
      const parts = orderWithBookings(orderStream, codec, request.expectedVersion, bookings);
      let cancelled: readonly OrderEvent[] = [];
      let stale = false;
      const now = this.clock.now();
      await runtime.timed('CancelOrder', () =>
        executeTogether<S, E>(
          runtime.store,
          parts,
          ([order, ...booked]) => {
            const events = orderDecider.decide(command, order as OrderState, { now });
            // Dispatched since it was read: these are not the bookings to release; read it again.
            stale = streamsOf(bookingsOf(order as OrderState)) !== streamsOf(bookings);
            if (stale) return parts.map(() => []);
            cancelled = events;
            return [
              events,
              ...decideBookings(bookings, booked, (holder) => ({
                type: 'Release',
                data: { holder, orderId },
              })),
            ];
          },
          call,
          {
            inline: async (tx) => {
              await keepOrderRow(tx, call.tenantId, null, cancelled);
              for (const prefix of orderTimerPrefixes(orderId))
                await this.orders.timers.cancelPrefixed(tx, prefix);
            },
          },
        ),
      );
      if (!stale) return this.view(call, orderId);
      if (attempt >= 3) throw new Error(`order ${orderId} kept changing while being cancelled`);
    }
  }

  /** One command on the order's stream: its row in the order list kept in step, answered requests' timer disarmed. */
  private async act(
    call: CallContext,
    command: OrderCommand & { data: { orderId: string } },
    expectedVersion?: number,
    context: Partial<OrderContext> = {},
  ): Promise<OrderState> {
    const { runtime } = this.orders;
    const orderId = command.data.orderId;
    const { codec } = await this.orders.codecOf(call.tenantId, orderId);
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        orderDecider,
        orderStreamId(call.tenantId, orderId),
        command,
        { ...context, now: this.clock.now() },
        call,
        {
          codec,
          ...optional('expectedVersion', expectedVersion),
          inline: async (tx, _state, version, events) => {
            await keepOrderRow(tx, call.tenantId, version, events as OrderEvent[]);
            if ((events as OrderEvent[]).some((e) => e.type === 'RequestResponded'))
              await this.orders.timers.cancel(tx, firstResponseTimerId(orderId));
          },
        },
      ),
    );
    return done.state;
  }

  private async view(call: CallContext, orderId: string): Promise<OrderView> {
    const [{ events, decoded }, calendar] = await Promise.all([
      this.orders.load(call.tenantId, orderId),
      this.facts.calendarOf(call.tenantId),
    ]);
    return orderViewOf(
      decoded,
      events.at(-1)?.streamVersion ?? 0,
      seesPersonalData(call.roles),
      calendar,
      this.clock.now(),
    );
  }
}

// Every use case with `handles` bound to no method above (RespondToRequest): request → command → `change`.
handlesUseCases(OrderHandlers, ORDER_USE_CASES, function (command, request, call) {
  return this.change(call, command as OrderCommand & { data: { orderId: string } }, request.expectedVersion);
});

const MAX_PAGE = 200;

/** Reads: one order (its SLA recounted now), the dispatch queue, the candidates for a slot. */
@Injectable()
export class OrderQueries {
  constructor(
    private readonly orders: OrderStore,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The order now, or as it was at `asOf` (what was recorded by then, its SLA counted at that instant). */
  @Handles('orders.GetOrder')
  async get({ id, asOf }: { id: string; asOf?: string }, call: CallContext): Promise<OrderView> {
    const at = asOfDate(asOf);
    const [{ events, decoded }, calendar] = await Promise.all([
      this.orders.load(call.tenantId, id, at),
      this.facts.calendarOf(call.tenantId),
    ]);
    return orderViewOf(
      decoded,
      events.at(-1)?.streamVersion ?? 0,
      seesPersonalData(call.roles),
      calendar,
      at ?? this.clock.now(),
    );
  }

  /**
   * Everyone the order could go to in the slot, ranked: those in (eligible at the slot's start, skilled for its
   * kind under the tenant's dispatch policy, free in it) by load, then those out, each with why.
   */
  @Handles('orders.GetOrderCandidates')
  async candidates(
    request: { id: string; start?: string; end?: string },
    call: CallContext,
  ): Promise<{ items: Candidate[] }> {
    const row = await this.facts.order(call.tenantId, request.id);
    if (!row) throw notFoundOrder();
    const slot = { start: request.start ?? '', end: request.end ?? '' };
    assertSlot(slot, new Date(0), await this.facts.calendarOf(call.tenantId));
    const [facts, availability, policy] = await Promise.all([
      this.facts.staffFor(call.tenantId, slot),
      availabilityOf(this.orders.runtime.store.pool, call.tenantId),
      dispatchPolicyOf(this.orders, call.tenantId),
    ]);
    const staff = facts.map((s) => ({ ...s, availability: availability.get(s.staffId) ?? [] }));
    const need = { kind: row.kind, skills: policy.skills };
    return { items: rankCandidates(staff, slot, need).map((c) => ({ ...c, reasons: [...c.reasons] })) };
  }

  /** Orders waiting for dispatch, in the order they are to be dispatched: yesterday's first, then by deadline. */
  @Handles('orders.ListDispatchQueue')
  async queue(
    request: { limit?: number },
    call: CallContext,
  ): Promise<{ items: { id: string; receivedAt: string; zone: string; kind: string }[] }> {
    const limit = Math.min(Math.max(request.limit ?? 50, 1), MAX_PAGE);
    const [rows, calendar] = await Promise.all([
      this.facts.orders(call.tenantId, { status: 'registered' }, 1_000),
      this.facts.calendarOf(call.tenantId),
    ]);
    const queue = dispatchQueue(rows, calendar, this.clock.now()).slice(0, limit);
    return {
      items: queue.map((o) => ({ id: o.orderId, receivedAt: o.receivedAt, zone: o.zone, kind: o.kind })),
    };
  }
}
