import { type Event, useCase } from '@serviceops/kernel';
import { extra, started, withExtra } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface ApproveExtraWork {
  readonly type: 'ApproveExtraWork';
  readonly data: { readonly orderId: string; readonly extraId: string };
}

export type ExtraWorkApproved = Event<'ExtraWorkApproved', { orderId: string; extraId: string; at: string }>;

/** The front desk approves proposed extra work. */
export const approveExtraWork = useCase<ApproveExtraWork, ExtraWorkApproved, WorkOrder, WorkOrderContext>({
  command: 'ApproveExtraWork',
  handles: {
    rpc: 'orders.ApproveExtraWork',
    command: (request: { id: string; extraId: string }) => ({
      type: 'ApproveExtraWork',
      data: { orderId: request.id, extraId: request.extraId },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, extraId } = c.data;
    extra(started(s, orderId), extraId);
    return [{ type: 'ExtraWorkApproved', data: { orderId, extraId, at: ctx.now.toISOString() } }];
  },
  evolve: {
    ExtraWorkApproved: (s, e) => withExtra(s, e.data.extraId, 'approved'),
  },
});
