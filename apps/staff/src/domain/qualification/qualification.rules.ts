import type { Event } from '@serviceops/kernel';
import { QualificationErrorCode as E, qualificationError } from './qualification.errors';
import {
  NO_QUALIFICATION,
  type IneligibleBecause,
  type Qualification,
  type QualificationsState,
} from './qualification.state';

/**
 * What the qualifications' use cases share: finding one, changing one, and the eligibility they make together
 * (every change is followed by a StaffEligibilityChanged when it changes whether the person is assignable: the
 * decider adds it, qualification.decider.ts).
 */

/** The reminder goes out this many days before expiry unless the tenant's policy says otherwise (issue 13). */
export const DEFAULT_EXPIRY_REMINDER_DAYS = 30;

// Every command names the staff member: one stream holds all their qualifications (and their eligibility).
export interface OnOne {
  readonly staffId: string;
  readonly qualificationId: string;
}

export function existing(state: QualificationsState, qualificationId: string): Qualification {
  const q = state.qualifications.find((x) => x.qualificationId === qualificationId);
  if (!q) throw qualificationError(E.QUALIFICATION_NOT_FOUND, 'no such qualification of this staff member');
  return q;
}

/** The state with one qualification changed. */
export function changed(
  state: QualificationsState,
  qualificationId: string,
  change: Partial<Qualification>,
): QualificationsState {
  return {
    ...state,
    qualifications: state.qualifications.map((q) =>
      q.qualificationId === qualificationId ? { ...q, ...change } : q,
    ),
  };
}

/**
 * Whether the staff member may be assigned work, from `since` on: published for the orders service (its payload
 * is StaffEligibilityChangedV1 in libs/contracts). `reasons` say why not. No use case records it on its own: it
 * follows any change that alters the eligibility (the decider's).
 */
export type StaffEligibilityChanged = Event<
  'StaffEligibilityChanged',
  { staffId: string; eligible: boolean; reasons: readonly IneligibleBecause[]; since: string }
>;

export function evolveEligibility(
  state: QualificationsState,
  event: StaffEligibilityChanged,
): QualificationsState {
  const { eligible, reasons, since } = event.data;
  return { ...state, eligibility: { eligible, reasons, since } };
}

/**
 * Eligible: at least one qualification on record and none expired, suspended or overdue for re-verification
 * (DOMAIN.md staff: such a person cannot be assigned work).
 */
export function eligibilityOf(state: QualificationsState): {
  eligible: boolean;
  reasons: IneligibleBecause[];
} {
  if (state.qualifications.length === 0) return { eligible: false, reasons: [{ reason: NO_QUALIFICATION }] };
  const reasons: IneligibleBecause[] = [];
  for (const q of state.qualifications) {
    const why = (reason: IneligibleBecause['reason']) =>
      reasons.push({ qualificationId: q.qualificationId, kind: q.kind, reason });
    if (q.expired) why('expired');
    if (q.suspended) why('suspended');
    if (q.reverificationOverdue) why('reverification_overdue');
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * A StaffEligibilityChanged when the events (`evolve`d on the state) change whether (or why not) the person is
 * assignable.
 */
export function eligibilityChange<Ev extends Event<string, { readonly staffId: string }>>(
  state: QualificationsState,
  events: readonly Ev[],
  now: Date,
  evolve: (state: QualificationsState, event: Ev) => QualificationsState,
): StaffEligibilityChanged[] {
  const next = eligibilityOf(events.reduce(evolve, state));
  const before = state.eligibility;
  if (
    before &&
    before.eligible === next.eligible &&
    JSON.stringify(before.reasons) === JSON.stringify(next.reasons)
  )
    return [];
  const staffId = events[0]?.data.staffId ?? '';
  return [{ type: 'StaffEligibilityChanged', data: { staffId, ...next, since: now.toISOString() } }];
}

/** Whether the staff member was assignable at `at`, from the published changes (history, not the current state). */
export function eligibilityAt(
  changes: readonly { eligible: boolean; reasons: readonly IneligibleBecause[]; since: string }[],
  at: Date,
): { eligible: boolean; reasons: readonly IneligibleBecause[]; since?: string } {
  let found: { eligible: boolean; reasons: readonly IneligibleBecause[]; since?: string } = {
    eligible: false,
    reasons: [{ reason: NO_QUALIFICATION }],
  };
  for (const change of changes) if (Date.parse(change.since) <= at.getTime()) found = change;
  return found;
}
