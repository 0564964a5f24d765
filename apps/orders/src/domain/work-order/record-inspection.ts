import { type Caller, type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface RecordInspection {
  readonly type: 'RecordInspection';
  readonly data: { readonly orderId: string; readonly passed: boolean; readonly inspectorId: string };
}

export type InspectionRecorded = Event<
  'InspectionRecorded',
  { orderId: string; passed: boolean; inspectorId: string; at: string }
>;

/** The inspection follows a passed self-check; the inspector is the caller. */
export const recordInspection = useCase<RecordInspection, InspectionRecorded, WorkOrder, WorkOrderContext>({
  command: 'RecordInspection',
  handles: {
    rpc: 'orders.RecordInspection',
    command: (request: { id: string; passed?: boolean }, { actorId }: Caller) => ({
      type: 'RecordInspection',
      data: { orderId: request.id, passed: request.passed === true, inspectorId: actorId },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, inspectorId } = c.data;
    if (started(s, orderId).selfCheckPassed !== true)
      throw err(E.SELF_CHECK_MISSING, 'the inspection follows a passed self-check');
    return [
      {
        type: 'InspectionRecorded',
        data: { orderId, passed: c.data.passed === true, inspectorId, at: ctx.now.toISOString() },
      },
    ];
  },
  evolve: {
    InspectionRecorded: (s, e) => ({ ...s, inspectionPassed: e.data.passed }),
  },
});
