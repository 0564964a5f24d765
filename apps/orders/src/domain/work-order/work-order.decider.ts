import { type OrderCompletedV1, PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import type { WorkStage } from '../order/order.state';
import { acceptQuote } from './accept-quote';
import { approveExtraWork } from './approve-extra-work';
import { completeWork, type OrderCompleted } from './complete-work';
import { declineQuote } from './decline-quote';
import { issuePart } from './issue-part';
import { issueQuote } from './issue-quote';
import { logItemIn } from './log-item-in';
import { logItemOut } from './log-item-out';
import { proposeExtraWork } from './propose-extra-work';
import { recordCustomerConsent } from './record-customer-consent';
import { recordInspection } from './record-inspection';
import { recordSelfCheck } from './record-self-check';
import { returnUnusedPart } from './return-unused-part';
import { startExtraWork } from './start-extra-work';
import { startWork } from './start-work';
import { usePart } from './use-part';
import { initialWorkOrderState, type WorkOrder, type WorkOrderContext } from './work-order.state';

export { WorkOrderErrorCode } from './work-order.errors';
export * from './work-order.state';

/**
 * Quote, execution and completion of a repair (issue 15 items 1, 5, 6): the list of the work order's use cases, a
 * file each beside this one (command, decision, the events it records and how they change the state). A new
 * command is its file and its line here; the unions below, the decider and the service's generic handler
 * (application/work-order.handlers.ts) follow from the list.
 */
export const WORK_ORDER_USE_CASES = [
  issueQuote,
  acceptQuote,
  declineQuote,
  startWork,
  proposeExtraWork,
  approveExtraWork,
  recordCustomerConsent,
  startExtraWork,
  issuePart,
  usePart,
  returnUnusedPart,
  logItemIn,
  logItemOut,
  recordSelfCheck,
  recordInspection,
  completeWork,
] as const;

export type WorkOrderCommand = CommandOf<typeof WORK_ORDER_USE_CASES>;
export type WorkOrderEvent = EventOf<typeof WORK_ORDER_USE_CASES>;

export const workOrderDecider = deciderOf<typeof WORK_ORDER_USE_CASES, WorkOrder, WorkOrderContext>(
  initialWorkOrderState,
  WORK_ORDER_USE_CASES,
);

/** Per event type, the personal free text sealed with the customer's key. */
export const WORK_ORDER_SEALED_PATHS = sealedPathsOf(
  [
    'QuoteIssued',
    'QuoteAccepted',
    'QuoteDeclined',
    'WorkStarted',
    'ExtraWorkProposed',
    'ExtraWorkApproved',
    'ExtraWorkConsented',
    'ExtraWorkStarted',
    'PartIssued',
    'PartUsed',
    'UnusedPartReturned',
    'ItemLoggedIn',
    'ItemLoggedOut',
    'SelfCheckRecorded',
    'InspectionRecorded',
    'WorkSummaryRecorded',
    'OrderCompleted',
  ],
  PERSONAL_TEXT.workOrder,
) satisfies Record<WorkOrderEvent['type'], readonly string[]>;

/** The order's stage each work order event reaches: the order's status follows them (order decider). */
export const STAGE_OF_EVENT = {
  QuoteIssued: 'quoted',
  QuoteAccepted: 'quote_accepted',
  QuoteDeclined: 'closed',
  WorkStarted: 'in_progress',
  OrderCompleted: 'completed',
} as const satisfies Partial<Record<WorkOrderEvent['type'], WorkStage>>;

/** The stage a decision's events reach (the last that names one), undefined when none does. */
export function workStageOf(events: readonly WorkOrderEvent[]): WorkStage | undefined {
  const stages: Partial<Record<string, WorkStage>> = STAGE_OF_EVENT;
  return events.reduce<WorkStage | undefined>((stage, e) => stages[e.type] ?? stage, undefined);
}

export function workOrderStreamId(tenantId: string, orderId: string): string {
  return streamId('work-order', tenantId, orderId);
}

/** The published declaration (libs/contracts/src/events/orders.events.ts) is what this event carries. */
export type CompletedMatchesContract = OrderCompleted['data'] extends OrderCompletedV1 ? true : never;
export const completedMatchesContract: CompletedMatchesContract = true;
