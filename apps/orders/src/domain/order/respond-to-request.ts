import { type Event, useCase } from '@serviceops/kernel';
import { OrderErrorCode as E, orderError } from './order.errors';
import { existing, open } from './order.rules';
import type { OrderContext, OrderState } from './order.state';

/** The first answer to the customer (due within 24 h of the request). */
export interface RespondToRequest {
  readonly type: 'RespondToRequest';
  readonly data: { readonly orderId: string };
}

export type RequestResponded = Event<
  'RequestResponded',
  { orderId: string; respondedAt: string; late: boolean }
>;

export const respondToRequest = useCase<RespondToRequest, RequestResponded, OrderState, OrderContext>({
  command: 'RespondToRequest',
  handles: {
    rpc: 'orders.RespondToRequest',
    command: (request: { id: string }) => ({ type: 'RespondToRequest', data: { orderId: request.id } }),
  },
  decide(command, state, context) {
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
  },
  evolve: {
    RequestResponded: (state, event) =>
      state.status === 'absent' ? state : { ...state, respondedAt: event.data.respondedAt },
  },
});
