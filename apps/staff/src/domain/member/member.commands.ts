import type { AssessmentOutcome, BusinessLine, Role, StaffLoginNotCreatedV1 } from '@serviceops/contracts';
import type { PayTerms } from './member.events';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** Decided together with the candidate's CandidateHired (the hiring handler writes both streams at once). */
export type HireStaffMember = Command<
  'HireStaffMember',
  {
    staffId: string;
    candidateId: string;
    postingId: string;
    role: Role;
    branchId: string;
    businessLine: BusinessLine;
    payTerms: PayTerms;
    name: string;
    phone: string;
    idNumber?: string;
    loginUsername?: string;
  }
>;

export type ChangePayTerms = Command<'ChangePayTerms', { staffId: string; payTerms: PayTerms }>;

/**
 * Forget the staff member's personal data for good, once they have left: at request (`retentionDays` absent), or
 * by the retention timer (`retentionDays`: how long the tenant keeps a leaver's data after the last day; nothing
 * happens before).
 */
export type EraseStaffMember = Command<'EraseStaffMember', { staffId: string; retentionDays?: number }>;

/** The separation's last day came (the durable timer armed at the resignation or dismissal): they have left. */
export type RecordStaffMemberLeft = Command<'RecordStaffMemberLeft', { staffId: string }>;

/**
 * Give the staff member another role; `assessmentPeriod`: the assessed period whose `role_change` outcome this
 * carries out (its latest result must have decided it for them: the context's `assessed`).
 */
export type ChangeStaffRole = Command<
  'ChangeStaffRole',
  { staffId: string; role: Role; assessmentPeriod?: string }
>;

/**
 * Record the request kinds (orders' vocabulary) the staff member is skilled for: the whole list, replacing the
 * one before; empty clears it (their role decides again). `setBy`: the people manager's user id.
 */
export type SetStaffSkills = Command<
  'SetStaffSkills',
  { staffId: string; kinds: readonly string[]; setBy: string }
>;

/** Tenancy's answer to the hire's login request: no user made, and why (its StaffLoginNotCreatedV1). */
export type RecordStaffLoginNotCreated = Command<'RecordStaffLoginNotCreated', StaffLoginNotCreatedV1>;

export type MemberCommand =
  | HireStaffMember
  | ChangePayTerms
  | EraseStaffMember
  | RecordStaffMemberLeft
  | ChangeStaffRole
  | SetStaffSkills
  | RecordStaffLoginNotCreated;

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
