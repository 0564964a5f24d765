import { RETURN_VISIT_FIELDS } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { assertCustomerNotErased } from '../customer/active-customer';
import { ReturnVisitErrorCode as E } from './return-visit.errors';
import { scheduled, text } from './return-visit.rules';
import type { ReturnVisitContext, ReturnVisitReason, ReturnVisitState } from './return-visit.state';

export type CancelReturnVisit = Command<
  'CancelReturnVisit',
  { readonly visitId: string; readonly reason: string }
>;

/** `reason` says why it was cancelled; `visitReason` is the scheduled visit's reason. */
export type ReturnVisitCancelled = Event<
  'ReturnVisitCancelled',
  { visitId: string; customerId: string; visitReason: ReturnVisitReason; reason: string; cancelledAt: string }
>;

export const cancelReturnVisit = useCase<
  CancelReturnVisit,
  ReturnVisitCancelled,
  ReturnVisitState,
  ReturnVisitContext
>({
  command: 'CancelReturnVisit',
  handles: {
    rpc: 'customers.CancelReturnVisit',
    command: (request: { id: string; reason?: string }) => ({
      type: 'CancelReturnVisit',
      data: { visitId: request.id, reason: request.reason ?? '' },
    }),
  },
  decide(command, state, context) {
    const visit = scheduled(state, command.data.visitId);
    assertCustomerNotErased(context.customer, visit.customerId);
    const reason = text(command.data.reason, 'reason', RETURN_VISIT_FIELDS.cancelReason, E.INVALID_REASON);
    return [
      {
        type: 'ReturnVisitCancelled',
        data: {
          visitId: visit.visitId,
          customerId: visit.customerId,
          visitReason: visit.reason,
          reason,
          cancelledAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ReturnVisitCancelled: (state, event) =>
      state.status === 'absent'
        ? state
        : { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt },
  },
});
