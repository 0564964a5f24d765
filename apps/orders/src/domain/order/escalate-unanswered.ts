import { type Event, useCase } from '@serviceops/kernel';
import { ended } from './order.rules';
import type { OrderContext, OrderState } from './order.state';

/** Fired by the durable timer at the response deadline; harmless when fired again or too early. */
export interface EscalateUnanswered {
  readonly type: 'EscalateUnanswered';
  readonly data: { readonly orderId: string };
}

/** Escalation: the request had no first response in time (to the service director). */
export type RequestResponseOverdue = Event<
  'RequestResponseOverdue',
  { orderId: string; customerId: string; responseDueAt: string; escalatedAt: string }
>;

/** The timer's command: one escalation for an unanswered request past its deadline, nothing otherwise. */
export const escalateUnanswered = useCase<
  EscalateUnanswered,
  RequestResponseOverdue,
  OrderState,
  OrderContext
>({
  command: 'EscalateUnanswered',
  decide(command, state, context) {
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
  },
  evolve: {
    RequestResponseOverdue: (state, event) =>
      state.status === 'absent' ? state : { ...state, escalatedAt: event.data.escalatedAt },
  },
});
