import type { StaffAvailabilityChangedV1 } from '@serviceops/contracts';
import { overlaps } from '../booking/booking.decider';
import type { Slot } from '../order/order.state';

/**
 * Availability at a slot (issue 15 item 3), from the staff service's `StaffAvailabilityChanged` events
 * (libs/contracts events/staff-people.events.ts): the person's working slots (their shifts) and approved leave.
 * One interval per `intervalId`, the latest change of it kept (a cancelled leave is `active: false`).
 */
export type AvailabilityInterval = Pick<
  StaffAvailabilityChangedV1,
  'kind' | 'intervalId' | 'from' | 'to' | 'active' | 'changedAt'
>;

/** Why a person is out for a slot, as far as their schedule goes. */
export const AVAILABILITY_REASONS = {
  /** Outside every working slot on record (the person has shifts, none covering the whole slot). */
  notWorking: 'not_working',
  /** An approved leave overlaps the slot. */
  onLeave: 'on_leave',
} as const;

export interface AvailabilityVerdict {
  readonly available: boolean;
  readonly reasons: readonly string[];
}

/**
 * Whether the slot [start, end) lies inside the person's working time and clear of their leave:
 * - any active leave overlapping the slot (even by a minute) → `on_leave`;
 * - a person with working slots on record (any, even withdrawn) must be covered by the active ones for the
 *   whole slot (back-to-back or overlapping shifts join) → otherwise `not_working`;
 * - a person with no working slot on record at all is not restricted by a schedule: the tenant does not plan
 *   shifts for them (or not yet), and dispatch keeps working as before shifts existed (docs/decisions.md).
 */
export function availabilityAt(intervals: readonly AvailabilityInterval[], slot: Slot): AvailabilityVerdict {
  const active = intervals.filter((i) => i.active);
  const reasons: string[] = [];
  const scheduled = intervals.some((i) => i.kind === 'working_slot');
  const shifts = active.filter((i) => i.kind === 'working_slot');
  if (scheduled && !covered(shifts, slot)) reasons.push(AVAILABILITY_REASONS.notWorking);
  if (active.some((i) => i.kind === 'leave' && overlaps({ start: i.from, end: i.to }, slot)))
    reasons.push(AVAILABILITY_REASONS.onLeave);
  return { available: reasons.length === 0, reasons };
}

/** Whether the union of the intervals covers [start, end) without a gap. */
function covered(intervals: readonly AvailabilityInterval[], slot: Slot): boolean {
  const sorted = intervals
    .map((i) => [Date.parse(i.from), Date.parse(i.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let reached = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  for (const [from, to] of sorted) {
    if (from > reached) break;
    reached = Math.max(reached, to);
    if (reached >= end) return true;
  }
  return reached >= end;
}

/**
 * A person's intervals with a change applied: the latest change of an `intervalId` wins (by `changedAt`), so a
 * redelivery, or a change delivered after a later one, changes nothing.
 */
export function withAvailabilityChange(
  intervals: readonly AvailabilityInterval[],
  change: AvailabilityInterval,
): AvailabilityInterval[] {
  const kept = intervals.find((i) => i.intervalId === change.intervalId);
  if (kept && Date.parse(kept.changedAt) > Date.parse(change.changedAt)) return [...intervals];
  return [...intervals.filter((i) => i.intervalId !== change.intervalId), change];
}
