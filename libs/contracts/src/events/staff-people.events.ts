import type { RequestKind } from '../orders.vocabulary';
import type { BusinessLine, Role } from '../tenancy.vocabulary';
import type { Sealed } from './customers.events';

/**
 * What the staff service publishes on `staff.events.v1` about people (recruitment, qualifications, separation).
 * Personal fields are sealed with the person's own data key: other services refer to staff members by id.
 * Money is integer minor units and a currency.
 */

export interface StaffMemberHiredV1 {
  readonly staffId: string;
  readonly candidateId: string;
  readonly postingId: string;
  readonly role: Role;
  readonly branchId: string;
  readonly businessLine: BusinessLine;
  readonly payTerms: { readonly dailyPay: { readonly amount: number; readonly currency: string } };
  readonly name: Sealed;
  readonly phone: Sealed;
  readonly idNumber?: Sealed;
  readonly hiredAt: string;
}

export interface PayTermsChangedV1 {
  readonly staffId: string;
  readonly payTerms: { readonly dailyPay: { readonly amount: number; readonly currency: string } };
  readonly changedAt: string;
}

/** Hiring asked for a login: tenancy is to create the user with these roles (its consumer is not written yet). */
export interface StaffLoginRequestedV1 {
  readonly staffId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly branchId: string;
  readonly requestedAt: string;
}

/**
 * Whether a staff member may be assigned work from `since` on (for the orders service's dispatch). `reasons` say
 * why not: a qualification expired, suspended or overdue for re-verification, or none on record.
 */
export interface StaffEligibilityChangedV1 {
  readonly staffId: string;
  readonly eligible: boolean;
  readonly reasons: readonly {
    readonly qualificationId?: string;
    readonly kind?: string;
    readonly reason: 'expired' | 'suspended' | 'reverification_overdue' | 'no_qualification';
  }[];
  readonly since: string;
}

/** A qualification expires soon (the tenant's reminder days before `expiresAt`, 30 by default). */
export interface QualificationExpiryReminderDueV1 {
  readonly staffId: string;
  readonly qualificationId: string;
  readonly kind: string;
  readonly expiresAt: string;
  readonly remindedAt: string;
}

/** Every handover item of a leaver is ticked: billing settles their pay (only ever after the handover). */
export interface FinalSettlementRequestedV1 {
  readonly staffId: string;
  readonly kind: 'resignation' | 'dismissal';
  readonly lastDay: string;
  readonly requestedAt: string;
}

/**
 * A leaver's personal data is erased for good (their data key destroyed): at request (`by: 'request'`, a data
 * eraser) or when the tenant's retention after `lastDay` is over (`by: 'retention'`). Whatever a consumer keeps
 * about the person in clear (a name, a phone, free text) it drops now; ids, dates and amounts may stay.
 */
export interface StaffMemberErasedV1 {
  readonly staffId: string;
  readonly by: 'request' | 'retention';
  /** The separation's last day (ISO date) the retention ran from. */
  readonly lastDay: string;
  readonly erasedAt: string;
}

/**
 * A separated staff member's last day has come (UTC day; a dismissal's is its own day): they have left. Fired once
 * per person by a durable timer armed at the resignation or dismissal, whether or not the handover is complete.
 * Tenancy closes the login it created at hire (`StaffLoginClosed`); anyone granting the person access ends it.
 */
export interface StaffMemberLeftV1 {
  readonly staffId: string;
  readonly kind: 'resignation' | 'dismissal';
  /** The separation's last day (ISO date). */
  readonly lastDay: string;
  readonly leftAt: string;
}

/**
 * A staff member's role changed (ChangeStaffRole, by a people manager). `assessment` names the recorded assessment
 * result whose `role_change` outcome (AssessmentOutcomesDecidedV1) it carries out, when it does. Tenancy gives the
 * login it created at hire the new role in place of `from`; orders judges skill by `to` from `changedAt` on.
 */
export interface StaffRoleChangedV1 {
  readonly staffId: string;
  readonly from: Role;
  readonly to: Role;
  readonly branchId: string;
  readonly assessment?: { readonly period: string; readonly resultVersion: number };
  readonly changedAt: string;
}

/**
 * The request kinds (orders' vocabulary) a staff member is skilled for, as a people manager (`setBy`, a user id)
 * recorded them: the whole list, replacing the one before. Empty: no explicit skills, the role decides again.
 * Orders dispatches by this list when it has any kinds, else by the role's default (its dispatch policy); a
 * consumer keeps it by the staff stream's version, so a late or redelivered older list changes nothing.
 */
export interface StaffSkillsSetV1 {
  readonly staffId: string;
  readonly kinds: readonly RequestKind[];
  readonly setBy: string;
  readonly setAt: string;
}

export type StaffPeoplePublishedEvent =
  | { readonly type: 'StaffMemberHired'; readonly data: StaffMemberHiredV1 }
  | { readonly type: 'PayTermsChanged'; readonly data: PayTermsChangedV1 }
  | { readonly type: 'StaffLoginRequested'; readonly data: StaffLoginRequestedV1 }
  | { readonly type: 'StaffEligibilityChanged'; readonly data: StaffEligibilityChangedV1 }
  | { readonly type: 'QualificationExpiryReminderDue'; readonly data: QualificationExpiryReminderDueV1 }
  | { readonly type: 'FinalSettlementRequested'; readonly data: FinalSettlementRequestedV1 }
  | { readonly type: 'StaffMemberErased'; readonly data: StaffMemberErasedV1 }
  | { readonly type: 'StaffMemberLeft'; readonly data: StaffMemberLeftV1 }
  | { readonly type: 'StaffRoleChanged'; readonly data: StaffRoleChangedV1 }
  | { readonly type: 'StaffSkillsSet'; readonly data: StaffSkillsSetV1 };

/**
 * A staff member's availability for dispatch changed (issue 13 item 7): a working slot (a scheduled shift) or an
 * approved leave was added, or an approved leave was cancelled (`active: false`). `intervalId` is the shift's or
 * the leave request's id: a later change of the same interval replaces the earlier one, so a consumer keeps one
 * row per interval and a redelivery changes nothing. Load is not published: the orders service counts its own
 * dispatched orders (docs/decisions.md).
 */
export interface StaffAvailabilityChangedV1 {
  readonly staffId: string;
  readonly kind: 'working_slot' | 'leave';
  readonly intervalId: string;
  readonly from: string;
  readonly to: string;
  readonly active: boolean;
  readonly changedAt: string;
}

export type StaffAvailabilityPublishedEvent = {
  readonly type: 'StaffAvailabilityChanged';
  readonly data: StaffAvailabilityChangedV1;
};
