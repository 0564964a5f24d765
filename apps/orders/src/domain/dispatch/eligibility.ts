import type { StaffEligibilityChangedV1 } from '@serviceops/contracts';

/**
 * Eligibility over time, from the staff service's `StaffEligibilityChanged` events: the payload is the one the
 * contract declares (libs/contracts/src/events/staff-people.events.ts), not a copy of its fields.
 * Each change holds from its `since` until the next one: the question dispatch asks is "eligible at that instant",
 * so a qualification expiring between booking and slot answers no for the slot.
 */
export type EligibilityChange = StaffEligibilityChangedV1;

/** A person's changes, kept in order of `since` (a redelivered or late change lands where it belongs). */
export function withChange(
  history: readonly EligibilityChange[],
  change: EligibilityChange,
): EligibilityChange[] {
  const others = history.filter((h) => h.since !== change.since);
  return [...others, change].sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
}

export interface EligibilityVerdict {
  readonly eligible: boolean;
  readonly reasons: readonly string[];
}

/** The change in force at `at` decides; before any change (or with none) a person is not eligible. */
export function eligibilityAt(history: readonly EligibilityChange[], at: Date): EligibilityVerdict {
  let current: EligibilityChange | undefined;
  for (const h of history) if (Date.parse(h.since) <= at.getTime()) current = h;
  if (current === undefined) return { eligible: false, reasons: ['no_eligibility_on_record'] };
  return current.eligible
    ? { eligible: true, reasons: [] }
    : { eligible: false, reasons: current.reasons.map((r) => r.reason) };
}
