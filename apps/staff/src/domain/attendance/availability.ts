import type { StaffAvailabilityChangedV1 } from '@serviceops/contracts';
import type { Event, EvolveCases } from '@serviceops/kernel';

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

/**
 * The evolve cases of a use case that also records this event (scheduling and cancelling a shift,
 * deciding and cancelling a leave): the availability is for dispatch and changes nothing of the state, so no use
 * case evolves it (the decider leaves an event no use case evolves aside, and refuses one evolved twice).
 */
export function availabilityLeftAside<E extends Event, S>(
  cases: EvolveCases<E, S>,
): EvolveCases<E | StaffAvailabilityChanged, S> {
  return cases as EvolveCases<E | StaffAvailabilityChanged, S>;
}
