import { RESOURCE_FIELDS } from '@serviceops/contracts';
import { addDays, isLocalDate, type TextRule } from '@serviceops/kernel';
import { err, ResourceErrorCode as E } from './resource.errors';
import {
  type ChecklistItem,
  EXPIRY_REMINDER_DAYS,
  type OrderFacts,
  type Rental,
  type Resource,
  type ResourceContext,
  type ResourceStateT,
} from './resource.state';

// What the resource's use cases share: finding the resource, the checks of dates, notes, checklists and the
// record's order, and whether a resource may go along or is due a reminder.

export { err } from './resource.errors';

/** A registered resource, as its use cases find it. */
export type PresentResource = Extract<ResourceStateT, { status: 'present' }>;

/** The resource the command names (404 ORDERS.RESOURCE_NOT_FOUND otherwise). */
export function present(state: ResourceStateT, resourceId: string): PresentResource {
  if (state.status === 'absent' || state.resourceId !== resourceId)
    throw err(E.RESOURCE_NOT_FOUND, `resource ${resourceId} does not exist`);
  return state;
}

/** An event's change to a registered resource (before its registration nothing changes). */
export const onPresent =
  <Ev>(change: (state: PresentResource, event: Ev) => ResourceStateT) =>
  (state: ResourceStateT, event: Ev): ResourceStateT =>
    state.status === 'absent' ? state : change(state, event);

/** Each of a resource's paper dates, when given, is a date. */
export function paperDates(d: { inspectionValidTo?: string; insuranceValidTo?: string }): void {
  for (const f of ['inspectionValidTo', 'insuranceValidTo'] as const)
    if (d[f] !== undefined && !isLocalDate(d[f]))
      throw err(E.INVALID_RESOURCE, `${f} must be a date`, { field: f });
}

export const optionalContract = (contractId: string | undefined) =>
  contractId === undefined ? {} : { contractId };

/** A paper's last day in force is not before today. */
export function notPast(d: { inspectionValidTo?: string; insuranceValidTo?: string }, today: string): void {
  for (const f of ['inspectionValidTo', 'insuranceValidTo'] as const) {
    const day = d[f];
    if (day !== undefined && day < today)
      throw err(E.VALID_TO_IN_PAST, `${f} must not be before today`, { field: f });
  }
}

export function noted(note: unknown, rule: TextRule = RESOURCE_FIELDS.note, field = 'note'): string {
  if (typeof note !== 'string' || !rule.accepts(note))
    throw err(E.INVALID_RESOURCE, `${field} ${rule.message}`, { field });
  return note.trim();
}

/** The items that failed; every item of `expected` answered once and nothing else, or CHECKLIST_INCOMPLETE. */
export function checklist(items: readonly ChecklistItem[], expected: readonly string[]): string[] {
  const named = items.map((i) => i.item);
  const complete =
    named.length === expected.length &&
    new Set(named).size === named.length &&
    named.every((n) => expected.includes(n));
  if (!complete)
    throw err(E.CHECKLIST_INCOMPLETE, `the checklist answers each of ${expected.join(', ')} once`, {
      field: 'items',
      expected,
    });
  return items.filter((i) => !i.passed).map((i) => i.item);
}

export function orderOf(context: ResourceContext, orderId: string, kind?: string): OrderFacts {
  const order = context.order;
  if (order === undefined || order.orderId !== orderId)
    throw new Error('the record needs its order’s facts in the context');
  if (order.closed === true)
    throw err(E.ORDER_CLOSED, `order ${orderId} is closed: its quote was declined`, { field: 'orderId' });
  if (order.cancelled === true)
    throw err(E.ORDER_CANCELLED, `order ${orderId} is cancelled`, { field: 'orderId' });
  if (kind !== undefined && order.kind !== kind)
    throw err(E.WRONG_ORDER_KIND, `the order is a ${order.kind}, not a ${kind}`, {
      field: 'orderId',
      kind: order.kind,
    });
  return order;
}

/** A checklist's item as the proto decodes it (proto3: unset fields absent). */
export interface ChecklistItemMessage {
  readonly item?: string;
  readonly passed?: boolean;
}

/** A checklist from its request (a preparation check's items, a delivery's list): an unset answer is not passed. */
export const checklistOf = (items: readonly ChecklistItemMessage[] | undefined): ChecklistItem[] =>
  (items ?? []).map((i) => ({ item: i.item ?? '', passed: i.passed === true }));

export function rentedTo(r: Resource, order: OrderFacts): Rental {
  if (!r.rental) throw err(E.NOT_RENTED, 'the unit is not out on a lease');
  if (r.rental.customerId !== order.customerId)
    throw err(E.NOT_RENTED_TO_CUSTOMER, 'the unit is leased to another customer', { field: 'orderId' });
  return r.rental;
}

/**
 * Whether the resource may be dispatched on `day` (local date), and why not: not available, expired papers, a
 * failed preparation check not yet repaired.
 */
export function dispatchable(r: Resource, day: string): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (r.state !== 'available') reasons.push(r.state);
  if (r.inspectionValidTo !== undefined && r.inspectionValidTo < day) reasons.push('inspection_expired');
  if (r.insuranceValidTo !== undefined && r.insuranceValidTo < day) reasons.push('insurance_expired');
  if (r.unfit !== undefined) reasons.push('failed_check');
  return { ok: reasons.length === 0, reasons };
}

/** The papers whose reminder is due on `today`: expiring within EXPIRY_REMINDER_DAYS and not yet expired. */
export function remindersDue(r: Resource, today: string): ('inspection' | 'insurance')[] {
  const horizon = addDays(today, EXPIRY_REMINDER_DAYS);
  const due: ('inspection' | 'insurance')[] = [];
  if (r.inspectionValidTo !== undefined && today <= r.inspectionValidTo && r.inspectionValidTo <= horizon)
    due.push('inspection');
  if (r.insuranceValidTo !== undefined && today <= r.insuranceValidTo && r.insuranceValidTo <= horizon)
    due.push('insurance');
  return due;
}
