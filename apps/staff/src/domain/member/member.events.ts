import {
  PERSONAL_DATA_SEALED,
  type BusinessLine,
  type Role,
  type StaffLoginNotCreatedV1,
  type StaffMemberErasedV1,
  type StaffMemberLeftV1,
  type StaffRoleChangedV1,
  type StaffSkillsSetV1,
} from '@serviceops/contracts';
import type { Event, Money } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

/** What a staff member is paid: the discipline register reads `dailyPay` for its "half / a full day's pay" fines. */
export interface PayTerms {
  readonly dailyPay: Money;
}

/**
 * A candidate was hired: the staff member exists from here on. Stream: `staff-member-<tenant>-<staffId>`.
 * `name`, `phone` and `idNumber` are in clear here; the application seals them with the person's key.
 */
export interface StaffMemberHiredData {
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
}

/** Hiring asked for a login: tenancy creates the user (payload StaffLoginRequestedV1 in libs/contracts). */
export interface StaffLoginRequestedData {
  readonly staffId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly branchId: string;
  readonly requestedAt: string;
}

export interface PayTermsChangedData {
  readonly staffId: string;
  readonly payTerms: PayTerms;
  readonly changedAt: string;
}

export type StaffMemberHired = Event<'StaffMemberHired', StaffMemberHiredData>;
export type PayTermsChanged = Event<'PayTermsChanged', PayTermsChangedData>;

export type StaffLoginRequested = Event<'StaffLoginRequested', StaffLoginRequestedData>;

/**
 * Tenancy answered the hire's login request without making a user: the person had a login already (`userId`, a
 * user an admin linked to them first). Recorded from tenancy's StaffLoginNotCreatedV1, once.
 */
export type StaffLoginNotCreated = Event<'StaffLoginNotCreated', StaffLoginNotCreatedV1>;

/**
 * The staff member's personal data is forgotten: their data key is destroyed with this event, at request or when
 * the retention after their last day is over (`by`). Payload StaffMemberErasedV1 in libs/contracts.
 */
export type StaffMemberErased = Event<'StaffMemberErased', StaffMemberErasedV1>;

/**
 * The separation's last day came: the person has left (published as StaffMemberLeftV1; tenancy closes their
 * login). Written once, by the durable timer armed at the resignation or dismissal.
 */
export type StaffMemberLeft = Event<'StaffMemberLeft', StaffMemberLeftV1>;

/** The staff member's role changed (published as StaffRoleChangedV1: tenancy's login, orders' skill follow it). */
export type StaffRoleChanged = Event<'StaffRoleChanged', StaffRoleChangedV1>;

/** The request kinds the staff member is skilled for (published as StaffSkillsSetV1: orders' dispatch reads them). */
export type StaffSkillsSet = Event<'StaffSkillsSet', StaffSkillsSetV1>;

export type MemberEvent =
  | StaffMemberHired
  | PayTermsChanged
  | StaffLoginRequested
  | StaffLoginNotCreated
  | StaffMemberErased
  | StaffMemberLeft
  | StaffRoleChanged
  | StaffSkillsSet;

/** Where personal data sits in the staff member's events: sealed with their key in storage. */
export const MEMBER_SEALED_PATHS = PERSONAL_DATA_SEALED.staffMember;
