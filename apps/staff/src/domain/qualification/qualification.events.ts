import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { QualificationEvent } from './qualification.decider';

// Each event is declared with the use case that records it (record-qualification.ts, …), the eligibility change
// with the rules (qualification.rules.ts); the union is derived from the list of use cases (qualification.decider.ts).
export type { QualificationEvent } from './qualification.decider';
export type { StaffEligibilityChanged } from './qualification.rules';
export type { IneligibleBecause } from './qualification.state';

export const QUALIFICATION_EVENT_TYPES = [
  'QualificationRecorded',
  'QualificationSuspended',
  'QualificationReinstated',
  'QualificationReverified',
  'QualificationExpiryReminderDue',
  'QualificationExpired',
  'QualificationReverificationOverdue',
  'StaffEligibilityChanged',
] as const satisfies readonly QualificationEvent['type'][];

/** Where personal data sits in these events (PERSONAL_TEXT): sealed with the staff member's key. */
export const QUALIFICATION_SEALED_PATHS = sealedPathsOf(
  QUALIFICATION_EVENT_TYPES,
  PERSONAL_TEXT.staffQualification,
);
