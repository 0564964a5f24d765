import { type Event, useCase } from '@serviceops/kernel';
import { extra, started, withExtra } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface RecordCustomerConsent {
  readonly type: 'RecordCustomerConsent';
  readonly data: { readonly orderId: string; readonly extraId: string };
}

export type ExtraWorkConsented = Event<
  'ExtraWorkConsented',
  { orderId: string; extraId: string; at: string }
>;

/** The customer consents to proposed extra work. */
export const recordCustomerConsent = useCase<
  RecordCustomerConsent,
  ExtraWorkConsented,
  WorkOrder,
  WorkOrderContext
>({
  command: 'RecordCustomerConsent',
  handles: {
    rpc: 'orders.RecordExtraWorkConsent',
    command: (request: { id: string; extraId: string }) => ({
      type: 'RecordCustomerConsent',
      data: { orderId: request.id, extraId: request.extraId },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, extraId } = c.data;
    extra(started(s, orderId), extraId);
    return [{ type: 'ExtraWorkConsented', data: { orderId, extraId, at: ctx.now.toISOString() } }];
  },
  evolve: {
    ExtraWorkConsented: (s, e) => withExtra(s, e.data.extraId, 'consented'),
  },
});
