import type { MemberState } from '../member/member.state';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names the staff member: one stream holds all their qualifications (and their eligibility).

export type RecordQualification = Command<
  'RecordQualification',
  {
    staffId: string;
    qualificationId: string;
    kind: string;
    number: string;
    issuedOn: string;
    expiresAt: string;
    reverifyBy?: string;
  }
>;
type OnOne<Type extends string, Extra = object> = Command<
  Type,
  { staffId: string; qualificationId: string } & Extra
>;

export type SuspendQualification = OnOne<'SuspendQualification', { reason: string }>;
export type ReinstateQualification = OnOne<'ReinstateQualification'>;
export type ReverifyQualification = OnOne<'ReverifyQualification', { nextReverifyBy?: string }>;
/** By durable timer: the reminder before expiry, the expiry, the missed re-verification. */
export type RemindQualificationExpiry = OnOne<'RemindQualificationExpiry'>;
export type ExpireQualification = OnOne<'ExpireQualification'>;
export type MarkReverificationOverdue = OnOne<'MarkReverificationOverdue'>;

export type QualificationCommand =
  | RecordQualification
  | SuspendQualification
  | ReinstateQualification
  | ReverifyQualification
  | RemindQualificationExpiry
  | ExpireQualification
  | MarkReverificationOverdue;

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
