import { type Event, useCase } from '@serviceops/kernel';
import type { OrderContext, OrderState, OrderStatus, Slot } from './order.state';

/**
 * The system found nobody to dispatch the order to (auto-dispatch, docs/orders-resources.md): why, recorded once
 * per attempt (the timer's id) so the dispatcher sees it; the order stays in the queue.
 */
export interface HoldAutoDispatch {
  readonly type: 'HoldAutoDispatch';
  readonly data: {
    readonly orderId: string;
    readonly attempt: string;
    readonly slot: Slot;
    /** The refusal's code, or 'no_candidate' with each person's reasons in `candidates`. */
    readonly reason: string;
    readonly candidates: readonly { readonly staffId: string; readonly reasons: readonly string[] }[];
  };
}

/** Auto-dispatch found nobody (or was refused): why, per attempt; the order stays in the dispatch queue. */
export type OrderAutoDispatchHeld = Event<
  'OrderAutoDispatchHeld',
  {
    orderId: string;
    attempt: string;
    slot: Slot;
    reason: string;
    candidates: { staffId: string; reasons: string[] }[];
    heldAt: string;
  }
>;

/** The statuses the system dispatches from: waiting for dispatch, needing no quote or with the quote accepted. */
export const AUTO_DISPATCHABLE_STATUSES = [
  'registered',
  'quote_accepted',
] as const satisfies readonly OrderStatus[];

/** Recorded once per attempt, and only while the order still waits for dispatch (else nothing). */
export const holdAutoDispatch = useCase<HoldAutoDispatch, OrderAutoDispatchHeld, OrderState, OrderContext>({
  command: 'HoldAutoDispatch',
  decide(command, state, context) {
    const d = command.data;
    if (state.status === 'absent') return [];
    if (!(AUTO_DISPATCHABLE_STATUSES as readonly string[]).includes(state.status) || state.dispatch)
      return [];
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
  },
  evolve: {
    OrderAutoDispatchHeld: (state, event) =>
      state.status === 'absent'
        ? state
        : { ...state, autoDispatchHeld: [...(state.autoDispatchHeld ?? []), event.data.attempt] },
  },
});
