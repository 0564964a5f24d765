import { type Event, useCase } from '@serviceops/kernel';
import { ended } from './order.rules';
import { arrivalSla } from './order.sla';
import type { OrderContext, OrderState } from './order.state';

/** Fired by the durable timer an hour (in business hours) before the arrival deadline; harmless when early or repeated. */
export interface EscalateArrivalRisk {
  readonly type: 'EscalateArrivalRisk';
  readonly data: { readonly orderId: string };
}

/** Escalation to the service director: the order is about to miss (or missed) its arrival time. */
export type OrderArrivalAtRisk = Event<
  'OrderArrivalAtRisk',
  { orderId: string; arrivalDueAt: string; state: 'at_risk' | 'missed'; escalatedAt: string }
>;

/**
 * The timer's command: one escalation when the arrival deadline, recounted in the calendar as it stands, is
 * within an hour of business time or past; nothing before (a calendar change moved it) or once escalated.
 */
export const escalateArrivalRisk = useCase<EscalateArrivalRisk, OrderArrivalAtRisk, OrderState, OrderContext>(
  {
    command: 'EscalateArrivalRisk',
    decide(command, state, context) {
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
    },
    evolve: {
      OrderArrivalAtRisk: (state, event) =>
        state.status === 'absent' ? state : { ...state, arrivalEscalatedAt: event.data.escalatedAt },
    },
  },
);
