import { addDays, type BusinessCalendar, localDateOf } from '@serviceops/kernel';
import type { Slot } from '../order/order.state';
import { businessMorningOf } from '../resource/resource.timers';
import { OrderErrorCode } from '../order/order.errors';
import { BOOKED, type Candidate } from './candidates';

/** The reason recorded when nobody is in the running. */
export const NO_CANDIDATE = 'no_candidate';

/**
 * The slot the system books: from the customer's wanted time, or from now when that has passed (a request
 * retried the next morning), as long as the tenant's dispatch policy says for the order's kind (`slotMinutes`).
 */
export function autoDispatchSlot(wantedAt: string, now: Date, minutes: number): Slot {
  const start = Math.max(Date.parse(wantedAt), now.getTime());
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
  };
}

/** A dispatch the system tried in this attempt and was refused, with the refusal's code. */
export interface Refusal {
  readonly staffId: string;
  readonly code: string;
}

/**
 * The refusals after which the system tries the next candidate: the person was booked in the slot after the
 * candidates were read (a race lost to another dispatch). The candidate is out as `booked` from then on.
 */
export const TRY_NEXT_ON: readonly string[] = [OrderErrorCode.DOUBLE_BOOKED];

export type AutoDispatchChoice =
  | { readonly action: 'dispatch'; readonly staffId: string }
  | {
      readonly action: 'hold';
      /** NO_CANDIDATE (nobody left in the running) or the refusal's code that is not a race lost. */
      readonly reason: string;
      readonly candidates: readonly { readonly staffId: string; readonly reasons: readonly string[] }[];
    };

/**
 * What the system does next in one attempt, given the refusals so far: the next one in the running not tried yet,
 * past those lost to a race (TRY_NEXT_ON); any other refusal holds with its code; nobody left holds with
 * NO_CANDIDATE. The hold's candidates are the ranking with those lost to a race out as `booked`.
 */
export function nextChoice(ranked: readonly Candidate[], refusals: readonly Refusal[]): AutoDispatchChoice {
  const lost = new Set(refusals.filter((r) => TRY_NEXT_ON.includes(r.code)).map((r) => r.staffId));
  const candidates = ranked.map((c) => ({
    staffId: c.staffId,
    reasons: lost.has(c.staffId) ? [BOOKED] : [...c.reasons],
  }));
  const refused = refusals.find((r) => !TRY_NEXT_ON.includes(r.code));
  if (refused) return { action: 'hold', reason: refused.code, candidates };
  const next = ranked.find((c) => c.inRunning && !lost.has(c.staffId));
  return next
    ? { action: 'dispatch', staffId: next.staffId }
    : { action: 'hold', reason: NO_CANDIDATE, candidates };
}

/**
 * When a held request is tried again: the next business morning in the tenant's calendar, so what was not
 * dispatched today is tried before anything that arrives tomorrow ("first in tomorrow's queue").
 */
export function nextAttemptAt(calendar: BusinessCalendar, now: Date): Date {
  return businessMorningOf(calendar, addDays(localDateOf(calendar.timeZone, now), 1));
}
