import { type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, extra, started, withExtra } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface StartExtraWork {
  readonly type: 'StartExtraWork';
  readonly data: { readonly orderId: string; readonly extraId: string };
}

export type ExtraWorkStarted = Event<'ExtraWorkStarted', { orderId: string; extraId: string; at: string }>;

/** Extra work starts once approved by the front desk and consented to by the customer. */
export const startExtraWork = useCase<StartExtraWork, ExtraWorkStarted, WorkOrder, WorkOrderContext>({
  command: 'StartExtraWork',
  handles: {
    rpc: 'orders.StartExtraWork',
    command: (request: { id: string; extraId: string }) => ({
      type: 'StartExtraWork',
      data: { orderId: request.id, extraId: request.extraId },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, extraId } = c.data;
    const x = extra(started(s, orderId), extraId);
    if (!x.approved) throw err(E.EXTRA_WORK_NOT_APPROVED, 'extra work needs the front desk’s approval first');
    if (!x.consented) throw err(E.EXTRA_WORK_NO_CONSENT, 'extra work needs the customer’s consent first');
    return [{ type: 'ExtraWorkStarted', data: { orderId, extraId, at: ctx.now.toISOString() } }];
  },
  evolve: {
    ExtraWorkStarted: (s, e) => withExtra(s, e.data.extraId, 'started'),
  },
});
