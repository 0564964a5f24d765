import type { StaffAvailabilityChangedV1 } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';

/**
 * Availability for dispatch (issue 13 item 7), published for the orders service: each scheduled shift is a
 * working slot, each approved leave an interval off (withdrawn when the approved leave is cancelled). The payload
 * is the contract's (libs/contracts events/staff-people.events.ts): one shape.
 */
export type StaffAvailabilityChanged = Event<'StaffAvailabilityChanged', StaffAvailabilityChangedV1>;

export function availabilityChanged(
  kind: StaffAvailabilityChangedV1['kind'],
  interval: { intervalId: string; staffId: string; from: string; to: string },
  active: boolean,
  now: Date,
): StaffAvailabilityChanged {
  return {
    type: 'StaffAvailabilityChanged',
    data: { ...interval, kind, active, changedAt: now.toISOString() },
  };
}
