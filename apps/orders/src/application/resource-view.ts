import { localDateOf, type Money, type RecordedEvent } from '@serviceops/kernel';
import {
  dispatchable,
  resourceDecider,
  type ResourceEvent,
  type ResourceStateT,
} from '../domain/resource/resource.decider';

/** A resource as the API answers it (libs/contracts/proto/orders.proto `Resource`). */
export interface ResourceView {
  readonly id: string;
  readonly version: number;
  readonly kind: string;
  readonly name: string;
  readonly state: string;
  readonly inspectionValidTo?: string;
  readonly insuranceValidTo?: string;
  readonly price?: Money;
  readonly loan?: { borrowerId: string; dueBack: string; overdue: boolean };
  /** Dispatchable on the day the view is of (today, or `asOf`'s). */
  readonly fit: boolean;
  readonly unfitReasons: string[];
  readonly rental?: { deliveryOrderId: string; customerId: string; contractId?: string };
  readonly maintenanceLog: { at: string; action: string; note: string }[];
  readonly checks: { orderId: string; at: string; passed: boolean; failed: string[] }[];
  readonly rentalRecords: { type: string; orderId: string; at: string; damage?: Money }[];
  readonly registeredAt: string;
}

/** The state the events make: what decisions and dispatch read. */
export function resourceStateOf(events: readonly RecordedEvent[]): ResourceStateT {
  return events.reduce(
    (s, e) => resourceDecider.evolve(s, e as unknown as ResourceEvent),
    resourceDecider.initialState(),
  );
}

/** The view of a resource's events (all, or those up to `asOf`), its fitness on `at`'s local day. */
export function resourceViewOf(events: readonly RecordedEvent[], timeZone: string, at: Date): ResourceView {
  const state = resourceStateOf(events);
  if (state.status === 'absent') throw new Error('a resource view needs its registration');
  const maintenanceLog: ResourceView['maintenanceLog'] = [];
  const checks: ResourceView['checks'] = [];
  const rentalRecords: ResourceView['rentalRecords'] = [];
  for (const recorded of events) {
    const e = recorded as unknown as ResourceEvent;
    switch (e.type) {
      case 'MaintenanceRecorded':
        maintenanceLog.push({ at: e.data.at, action: e.data.action, note: e.data.note });
        break;
      case 'PreparationChecked':
        checks.push({
          orderId: e.data.orderId,
          at: e.data.at,
          passed: e.data.passed,
          failed: [...e.data.failed],
        });
        break;
      case 'RentalDelivered':
        rentalRecords.push({ type: 'delivery', orderId: e.data.orderId, at: e.data.deliveredAt });
        break;
      case 'RentalVisitRecorded':
        rentalRecords.push({ type: 'visit', orderId: e.data.orderId, at: e.data.at });
        break;
      case 'RentalReturnInspected':
        rentalRecords.push({
          type: 'return',
          orderId: e.data.orderId,
          at: e.data.inspectedAt,
          damage: e.data.damage,
        });
        break;
      case 'ResourceRegistered':
      case 'ResourceStateSet':
      case 'ResourcePapersUpdated':
      case 'ResourceExpiryReminded':
      case 'ToolLent':
      case 'ToolReturned':
      case 'ToolWentOverdue':
      case 'ToolLostCharged':
        break; // the state carries them
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  }
  const fitness = dispatchable(state, localDateOf(timeZone, at));
  return {
    id: state.resourceId,
    version: events.at(-1)?.streamVersion ?? 0,
    kind: state.kind,
    name: state.name,
    state: state.state,
    ...(state.inspectionValidTo === undefined ? {} : { inspectionValidTo: state.inspectionValidTo }),
    ...(state.insuranceValidTo === undefined ? {} : { insuranceValidTo: state.insuranceValidTo }),
    ...(state.price === undefined ? {} : { price: state.price }),
    ...(state.loan === undefined ? {} : { loan: { ...state.loan } }),
    fit: fitness.ok,
    unfitReasons: fitness.reasons,
    ...(state.rental === undefined ? {} : { rental: { ...state.rental } }),
    maintenanceLog,
    checks,
    rentalRecords,
    registeredAt: events[0]?.recordedAt.toISOString() ?? '',
  };
}
