import type {
  AssessmentOutcome,
  BusinessLine,
  Role,
  StaffLoginNotCreatedReason,
  StaffSkillsSetV1,
} from '@serviceops/contracts';
import type { Money } from '@serviceops/kernel';

/** What a staff member is paid: the discipline register reads `dailyPay` for its "half / a full day's pay" fines. */
export interface PayTerms {
  readonly dailyPay: Money;
}

export interface AbsentMember {
  readonly status: 'absent';
}

/**
 * A staff member as the domain sees them (personal fields in clear). `erased`: their personal data is forgotten
 * (name and phone empty, no ID number); ids, dates and pay stay.
 */
export interface ActiveMember {
  readonly status: 'active' | 'erased';
  readonly staffId: string;
  readonly candidateId: string;
  readonly postingId: string;
  readonly role: Role;
  readonly branchId: string;
  readonly businessLine: BusinessLine;
  readonly payTerms: PayTerms;
  readonly name: string;
  readonly phone: string;
  readonly idNumber?: string;
  readonly hiredAt: string;
  readonly updatedAt: string;
  readonly loginRequested?: string;
  /** Tenancy made no login for the hire's request, and why (StaffLoginNotCreated). */
  readonly loginNotCreated?: {
    readonly reason: StaffLoginNotCreatedReason;
    readonly userId: string;
    readonly answeredAt: string;
  };
  readonly erasedAt?: string;
  /** Their separation's last day came (StaffMemberLeft). */
  readonly leftAt?: string;
  /** The request kinds a people manager recorded them skilled for (StaffSkillsSet); absent: never recorded. */
  readonly skills?: StaffSkillsSetV1;
}

export type MemberState = AbsentMember | ActiveMember;

export const initialMemberState = (): MemberState => ({ status: 'absent' });

/** A person's outcomes in the latest recorded result of a period (AssessmentOutcomesDecided's). */
export interface AssessedOutcomes {
  readonly period: string;
  readonly resultVersion: number;
  readonly outcomes: readonly AssessmentOutcome[];
}

/**
 * The staff member's separation as an erasure needs it (the separation stream's state has this shape): whether
 * they resigned or were dismissed, whether the handover is complete (the final settlement requested), the last day.
 */
export interface SeparationOfMember {
  readonly status: 'none' | 'separating' | 'settlement_requested';
  readonly kind?: 'resignation' | 'dismissal';
  readonly lastDay?: string;
}

/**
 * What the staff member's decisions take from outside the domain: the time, (erasure) their separation, and (a
 * role change citing an assessment) their outcomes in that period's latest result, absent when not in it.
 */
export interface MemberContext {
  readonly now: Date;
  /** The tenant's time zone (IANA): a last day is a day of the tenant's calendar, which starts at its midnight. */
  readonly timeZone: string;
  readonly separation?: SeparationOfMember;
  readonly assessed?: AssessedOutcomes;
}
