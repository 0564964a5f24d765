import { type Event, useCase } from '@serviceops/kernel';
import { started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface RecordSelfCheck {
  readonly type: 'RecordSelfCheck';
  readonly data: { readonly orderId: string; readonly passed: boolean };
}

export type SelfCheckRecorded = Event<'SelfCheckRecorded', { orderId: string; passed: boolean; at: string }>;

/** The technician's own check of the work, before the inspection. */
export const recordSelfCheck = useCase<RecordSelfCheck, SelfCheckRecorded, WorkOrder, WorkOrderContext>({
  command: 'RecordSelfCheck',
  handles: {
    rpc: 'orders.RecordSelfCheck',
    command: (request: { id: string; passed?: boolean }) => ({
      type: 'RecordSelfCheck',
      data: { orderId: request.id, passed: request.passed === true },
    }),
  },
  decide(c, s, ctx) {
    const { orderId } = c.data;
    started(s, orderId);
    return [
      {
        type: 'SelfCheckRecorded',
        data: { orderId, passed: c.data.passed === true, at: ctx.now.toISOString() },
      },
    ];
  },
  evolve: {
    // A new self-check (after a failed inspection, say) asks for a new inspection.
    SelfCheckRecorded: (s, e) => ({ ...s, selfCheckPassed: e.data.passed, inspectionPassed: false }),
  },
});
