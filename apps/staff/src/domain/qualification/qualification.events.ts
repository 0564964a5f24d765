import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

/** The kinds the seeds name; a tenant may record others of its own (STAFF_PEOPLE_FIELDS.qualificationKind). */
export const KNOWN_QUALIFICATION_KINDS = ['driving_licence', 'service_qualification'] as const;

/** Why a qualification makes its holder not assignable. */
export const INELIGIBILITY_REASONS = ['expired', 'suspended', 'reverification_overdue'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

/** A staff member with no qualification on record is not assignable either. */
export const NO_QUALIFICATION = 'no_qualification' as const;

export interface IneligibleBecause {
  readonly qualificationId?: string;
  readonly kind?: string;
  readonly reason: IneligibilityReason | typeof NO_QUALIFICATION;
}

/** `number` is personal: sealed with the staff member's key in storage. */
export type QualificationRecorded = Event<
  'QualificationRecorded',
  {
    staffId: string;
    qualificationId: string;
    kind: string;
    number: string;
    issuedOn: string;
    expiresAt: string;
    /** When the periodic re-verification is due, if the kind has one. */
    reverifyBy?: string;
    /** When the reminder goes out: `expiresAt` less the tenant's reminder days (policy, default 30). */
    remindAt: string;
    recordedAt: string;
  }
>;
export type QualificationSuspended = Event<
  'QualificationSuspended',
  { staffId: string; qualificationId: string; reason: string; suspendedAt: string }
>;
export type QualificationReinstated = Event<
  'QualificationReinstated',
  { staffId: string; qualificationId: string; reinstatedAt: string }
>;
export type QualificationReverified = Event<
  'QualificationReverified',
  { staffId: string; qualificationId: string; reverifiedAt: string; reverifyBy?: string }
>;
/** The reminder before expiry (by durable timer, once). */
export type QualificationExpiryReminderDue = Event<
  'QualificationExpiryReminderDue',
  { staffId: string; qualificationId: string; kind: string; expiresAt: string; remindedAt: string }
>;
export type QualificationExpired = Event<
  'QualificationExpired',
  { staffId: string; qualificationId: string; kind: string; expiredAt: string }
>;
export type QualificationReverificationOverdue = Event<
  'QualificationReverificationOverdue',
  { staffId: string; qualificationId: string; kind: string; dueAt: string; markedAt: string }
>;
/**
 * Whether the staff member may be assigned work, from `since` on: published for the orders service (its payload
 * is StaffEligibilityChangedV1 in libs/contracts). `reasons` say why not.
 */
export type StaffEligibilityChanged = Event<
  'StaffEligibilityChanged',
  { staffId: string; eligible: boolean; reasons: readonly IneligibleBecause[]; since: string }
>;

export type QualificationEvent =
  | QualificationRecorded
  | QualificationSuspended
  | QualificationReinstated
  | QualificationReverified
  | QualificationExpiryReminderDue
  | QualificationExpired
  | QualificationReverificationOverdue
  | StaffEligibilityChanged;

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
