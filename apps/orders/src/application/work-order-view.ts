import type { Money } from '@serviceops/kernel';
import type { QuoteItem, WorkOrderEvent } from '../domain/work-order/work-order.decider';
import { shownText } from './order-view';

/** An order's work order as the API answers it (the proto's WorkOrder): its quote and repair card. */
export interface WorkOrderView {
  readonly id: string;
  readonly version: number;
  readonly status: 'not_started' | 'started' | 'completed' | 'closed';
  readonly quoteRequired: boolean;
  readonly quote?: {
    readonly items: readonly QuoteItem[];
    readonly total: Money;
    readonly validUntil: string;
    readonly status: 'offered' | 'accepted' | 'declined';
    readonly issuedAt: string;
    readonly decidedAt?: string;
  };
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly startedAt?: string;
  readonly extras: readonly {
    readonly id: string;
    readonly description?: string;
    readonly estimatedPrice: Money;
    readonly approved: boolean;
    readonly consented: boolean;
    readonly started: boolean;
    readonly proposedAt: string;
  }[];
  readonly parts: readonly { partId: string; issued: number; used: number; returned: number }[];
  /** Take-back repair: the item logged into the workshop under the customer's receipt, and out again. */
  readonly takeBack?: {
    readonly receipt: string;
    readonly loggedInAt: string;
    readonly loggedOutAt?: string;
  };
  readonly selfCheckPassed?: boolean;
  readonly inspectionPassed?: boolean;
  readonly inspectorId?: string;
  readonly hours?: number;
  readonly completedAt?: string;
  readonly durationMinutes?: number;
  readonly signature?: string;
  readonly endSummary?: string;
  readonly masked: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Extra = Mutable<WorkOrderView['extras'][number]>;

/** The work order folded from its (opened) events; personal free text left out unless `seesPersonal`. */
export function workOrderViewOf(
  orderId: string,
  quoteRequired: boolean,
  events: readonly WorkOrderEvent[],
  version: number,
  seesPersonal: boolean,
): WorkOrderView {
  const v: Mutable<WorkOrderView> = {
    id: orderId,
    version,
    status: 'not_started',
    quoteRequired,
    extras: [],
    parts: [],
    masked: !seesPersonal,
  };
  const extras = new Map<string, Extra>();
  const parts = new Map<string, { partId: string; issued: number; used: number; returned: number }>();
  const part = (partId: string) => {
    const p = parts.get(partId) ?? { partId, issued: 0, used: 0, returned: 0 };
    parts.set(partId, p);
    return p;
  };
  for (const e of events)
    switch (e.type) {
      case 'QuoteIssued':
        v.quote = {
          items: e.data.items,
          total: e.data.total,
          validUntil: e.data.validUntil,
          status: 'offered',
          issuedAt: e.data.at,
        };
        break;
      case 'QuoteAccepted':
      case 'QuoteDeclined':
        if (v.quote)
          v.quote = {
            ...v.quote,
            status: e.type === 'QuoteAccepted' ? 'accepted' : 'declined',
            decidedAt: e.data.at,
          };
        if (e.type === 'QuoteDeclined') v.status = 'closed';
        break;
      case 'WorkStarted':
        v.status = 'started';
        v.staffId = e.data.staffId;
        if (e.data.resourceId) v.resourceId = e.data.resourceId;
        v.startedAt = e.data.startedAt;
        break;
      case 'ExtraWorkProposed':
        extras.set(e.data.extraId, {
          id: e.data.extraId,
          ...(seesPersonal && typeof e.data.description === 'string' && shownText(e.data.description)
            ? { description: e.data.description }
            : {}),
          estimatedPrice: e.data.estimatedPrice,
          approved: false,
          consented: false,
          started: false,
          proposedAt: e.data.at,
        });
        break;
      case 'ExtraWorkApproved':
      case 'ExtraWorkConsented':
      case 'ExtraWorkStarted': {
        const x = extras.get(e.data.extraId);
        if (x) {
          if (e.type === 'ExtraWorkApproved') x.approved = true;
          else if (e.type === 'ExtraWorkConsented') x.consented = true;
          else x.started = true;
        }
        break;
      }
      case 'PartIssued':
        part(e.data.partId).issued += e.data.quantity;
        break;
      case 'PartUsed':
        part(e.data.partId).used += e.data.quantity;
        break;
      case 'UnusedPartReturned':
        part(e.data.partId).returned += e.data.quantity;
        break;
      case 'ItemLoggedIn':
        v.takeBack = { receipt: e.data.receipt, loggedInAt: e.data.at };
        break;
      case 'ItemLoggedOut':
        if (v.takeBack) v.takeBack = { ...v.takeBack, loggedOutAt: e.data.at };
        break;
      case 'SelfCheckRecorded':
        v.selfCheckPassed = e.data.passed;
        delete v.inspectionPassed;
        delete v.inspectorId;
        break;
      case 'InspectionRecorded':
        v.inspectionPassed = e.data.passed;
        v.inspectorId = e.data.inspectorId;
        break;
      case 'WorkSummaryRecorded':
        if (seesPersonal && typeof e.data.summary === 'string' && shownText(e.data.summary))
          v.endSummary = e.data.summary;
        break;
      case 'OrderCompleted':
        v.status = 'completed';
        v.hours = e.data.hours;
        v.completedAt = e.data.completedAt;
        v.durationMinutes = e.data.durationMinutes;
        v.signature = e.data.signature;
        break;
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  v.extras = [...extras.values()];
  v.parts = [...parts.values()];
  return v;
}
