import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { cancelReturnVisit } from './cancel-return-visit';
import { recordReturnVisit } from './record-return-visit';
import {
  initialReturnVisitState,
  type ReturnVisitContext,
  type ReturnVisitState,
} from './return-visit.state';
import { scheduleReturnVisit } from './schedule-return-visit';

export type { ReturnVisitContext } from './return-visit.state';

/**
 * A return visit: the list of its use cases, a file each beside this one (command, decision, the events it records
 * and how they change the state). The unions, the decider and the generic handler's bindings follow from the list.
 */
export const RETURN_VISIT_USE_CASES = [scheduleReturnVisit, recordReturnVisit, cancelReturnVisit] as const;

export type ReturnVisitCommand = CommandOf<typeof RETURN_VISIT_USE_CASES>;
export type ReturnVisitEvent = EventOf<typeof RETURN_VISIT_USE_CASES>;

export const returnVisitDecider = deciderOf<
  typeof RETURN_VISIT_USE_CASES,
  ReturnVisitState,
  ReturnVisitContext
>(initialReturnVisitState, RETURN_VISIT_USE_CASES);

/** 'return-visit-<tenantId>-<visitId>' */
export function returnVisitStreamId(tenantId: string, visitId: string): string {
  return streamId('return-visit', tenantId, visitId);
}
