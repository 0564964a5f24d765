import type { MemberState } from '../member/member.state';

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

export interface Qualification {
  readonly qualificationId: string;
  readonly kind: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly expiresAt: string;
  readonly reverifyBy?: string;
  readonly remindAt: string;
  readonly reminded: boolean;
  readonly expired: boolean;
  readonly suspended: boolean;
  readonly reverificationOverdue: boolean;
}

/** A staff member's qualifications and their eligibility as last published (absent: never published yet). */
export interface QualificationsState {
  readonly staffId?: string;
  readonly qualifications: readonly Qualification[];
  readonly eligibility?: {
    readonly eligible: boolean;
    readonly reasons: readonly IneligibleBecause[];
    readonly since: string;
  };
}

export const initialQualificationsState = (): QualificationsState => ({ qualifications: [] });

/** The tenant's policy for qualifications (versioned by the caller). */
export interface QualificationPolicy {
  /** How long before expiry the reminder goes out. */
  readonly expiryReminderDays: number;
}

export interface QualificationContext {
  readonly now: Date;
  /** The tenant's time zone (IANA): a date such as `issuedOn` is a day of the tenant's calendar, not UTC's. */
  readonly timeZone: string;
  readonly policy: QualificationPolicy;
  /** The staff member the qualification is recorded for (RecordQualification). */
  readonly member?: MemberState;
}
