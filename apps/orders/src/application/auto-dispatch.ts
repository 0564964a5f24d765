import { Inject, Injectable } from '@nestjs/common';
import { type Clock, DomainError } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { type CallContext, type DueTimer, execute, ProblemError } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { autoDispatchSlot, nextAttemptAt, nextChoice, type Refusal } from '../domain/dispatch/auto-dispatch';
import { rankCandidates } from '../domain/dispatch/candidates';
import type { Slot } from '../domain/order/order.state';
import { AUTO_DISPATCHABLE_STATUSES, orderDecider, orderStreamId } from '../domain/order/order.decider';
import { OrderErrorCode } from '../domain/order/order.errors';
import type { OrderEvent, RequestRegistered } from '../domain/order/order.events';
import type { OrderState } from '../domain/order/order.state';
import { availabilityOf } from '../infrastructure/availability.repository';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import { dispatchPolicyOf } from './dispatch-policy.handlers';
import { OrderHandlers } from './order.handlers';
import { AUTO_DISPATCH_TIMER, autoDispatchTimerId, CLOCK, keepOrderRow, OrderStore } from './order-store';

export const AUTO_DISPATCH_CONSUMER = 'orders-auto-dispatch';

/** The actor of everything the system dispatches by itself. */
export const AUTO_DISPATCH_ACTOR = 'system:auto-dispatch';

/**
 * Dispatch by policy (issue 15 item 3): with the tenant's `autoDispatch` on, a request needing no quote (at its
 * registration) or a quote accepted is dispatched by the system to the top-ranked candidate. Durable and
 * restart-safe: the consumer of orders' own events arms a durable timer (one id per order) in its transaction;
 * the timer dispatches through the same path as a person (the booking streams keep it to one booking), and a
 * timer fired again finds the order dispatched (ALREADY_DISPATCHED: nothing) or its hold recorded for that
 * attempt (nothing). Nobody in the running: OrderAutoDispatchHeld with each person's reasons, the order stays in
 * the queue, and it is tried again at the next business morning, ahead of that day's requests.
 */
@Injectable()
export class AutoDispatcher {
  constructor(
    private readonly orders: OrderStore,
    private readonly facts: OrderFacts,
    private readonly handlers: OrderHandlers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Orders' own `RequestRegistered` (no quote needed) or `OrderQuoteAccepted` → the order's auto-dispatch timer. */
  async arm(event: DeliveredEvent, tx: PoolClient): Promise<void> {
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    const e = event as unknown as OrderEvent;
    const ready =
      (e.type === 'RequestRegistered' && !e.data.quoteRequired) || e.type === 'OrderQuoteAccepted';
    if (!ready) return;
    if (!(await dispatchPolicyOf(this.orders, tenantId)).autoDispatch) return;
    await this.orders.timers.schedule(tx, {
      id: autoDispatchTimerId(e.data.orderId),
      tenantId,
      kind: AUTO_DISPATCH_TIMER,
      dueAt: this.clock.now(),
      payload: { orderId: e.data.orderId },
    });
  }

  /** The timer: dispatch to the top-ranked candidate, or record why not and try again the next business morning. */
  async fire(timer: DueTimer): Promise<void> {
    const orderId = timer.payload['orderId'];
    if (typeof orderId !== 'string') throw new Error(`timer ${timer.id} names no order`);
    const { tenantId } = timer;
    const policy = await dispatchPolicyOf(this.orders, tenantId);
    if (!policy.autoDispatch) return;
    const { decoded } = await this.orders.load(tenantId, orderId);
    const state = decoded.reduce<OrderState>(orderDecider.evolve, orderDecider.initialState());
    if (state.status === 'absent' || state.dispatch) return;
    if (!(AUTO_DISPATCHABLE_STATUSES as readonly string[]).includes(state.status)) return;
    const registered = decoded.find((d): d is RequestRegistered => d.type === 'RequestRegistered');
    const now = this.clock.now();
    const slot = autoDispatchSlot(
      registered?.data.wantedAt ?? now.toISOString(),
      now,
      policy.slotMinutes[state.kind],
    );
    const [staff, availability] = await Promise.all([
      this.facts.staffFor(tenantId, slot),
      availabilityOf(this.orders.runtime.store.pool, tenantId),
    ]);
    const ranked = rankCandidates(
      staff.map((s) => ({ ...s, availability: availability.get(s.staffId) ?? [] })),
      slot,
      { kind: state.kind, skills: policy.skills },
    );
    const call: CallContext = { tenantId, actorId: AUTO_DISPATCH_ACTOR, roles: [], correlationId: timer.id };
    // The top one in the running; one booked meanwhile (a race lost) gives way to the next (nextChoice).
    const refusals: Refusal[] = [];
    for (;;) {
      const choice = nextChoice(ranked, refusals);
      if (choice.action === 'hold')
        return this.hold(call, orderId, timer.id, slot, choice.reason, choice.candidates);
      try {
        // The process gives the command itself (no request to map), as a dispatcher's would be given.
        await this.handlers.dispatch(
          { type: 'DispatchOrder', data: { orderId, staffId: choice.staffId, slot } },
          {},
          call,
        );
        return;
      } catch (error) {
        const code = error instanceof DomainError || error instanceof ProblemError ? error.code : undefined;
        if (code === undefined) throw error; // not a refusal: the timer tries again
        if (code === OrderErrorCode.ALREADY_DISPATCHED) return; // dispatched by a person or an earlier firing
        refusals.push({ staffId: choice.staffId, code });
      }
    }
  }

  private async hold(
    call: CallContext,
    orderId: string,
    attempt: string,
    slot: Slot,
    reason: string,
    candidates: readonly { readonly staffId: string; readonly reasons: readonly string[] }[],
  ): Promise<void> {
    const { runtime } = this.orders;
    const { codec } = await this.orders.codecOf(call.tenantId, orderId);
    const calendar = await this.facts.calendarOf(call.tenantId);
    const now = this.clock.now();
    await execute(
      runtime.store,
      orderDecider,
      orderStreamId(call.tenantId, orderId),
      { type: 'HoldAutoDispatch', data: { orderId, attempt, slot, reason, candidates } },
      { now },
      call,
      {
        codec,
        inline: async (tx, _state, version, events) => {
          if (events.length === 0) return;
          await keepOrderRow(tx, call.tenantId, version, events as OrderEvent[]);
          const retryAt = nextAttemptAt(calendar, now);
          await this.orders.timers.schedule(tx, {
            id: `${autoDispatchTimerId(orderId)}:${retryAt.toISOString()}`,
            tenantId: call.tenantId,
            kind: AUTO_DISPATCH_TIMER,
            dueAt: retryAt,
            payload: { orderId },
          });
        },
      },
    );
  }
}
