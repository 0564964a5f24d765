import { STAFF_PEOPLE_FIELDS, type BusinessLine, type Role } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { MemberErrorCode, memberError } from './member.errors';
import { payTermsOf } from './member.rules';
import type { MemberContext, MemberState, PayTerms } from './member.state';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

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

export type StaffMemberHired = Event<'StaffMemberHired', StaffMemberHiredData>;
export type StaffLoginRequested = Event<'StaffLoginRequested', StaffLoginRequestedData>;

/**
 * Made by the hiring method from HireCandidate (its request mapped there) and the candidate's file, written with it
 * in one transaction (application/recruitment.handlers.ts): no `handles` of its own.
 */
export const hireStaffMember = useCase<
  HireStaffMember,
  StaffMemberHired | StaffLoginRequested,
  MemberState,
  MemberContext
>({
  command: 'HireStaffMember',
  decide({ data }, state, context) {
    if (state.status !== 'absent')
      throw memberError(MemberErrorCode.STAFF_MEMBER_EXISTS, 'the staff member exists already');
    const { loginUsername, idNumber, ...rest } = data;
    const at = context.now.toISOString();
    const hired: StaffMemberHired = {
      type: 'StaffMemberHired',
      data: { ...rest, payTerms: payTermsOf(data.payTerms), ...(idNumber ? { idNumber } : {}), hiredAt: at },
    };
    if (loginUsername === undefined) return [hired];
    if (!STAFF_PEOPLE_FIELDS.loginUsername.accepts(loginUsername))
      throw memberError(
        MemberErrorCode.USERNAME_REJECTED,
        `username ${STAFF_PEOPLE_FIELDS.loginUsername.message}`,
        {
          field: 'login.username',
        },
      );
    return [
      hired,
      {
        type: 'StaffLoginRequested',
        data: {
          staffId: data.staffId,
          username: loginUsername.trim().toLowerCase(),
          roles: [data.role],
          branchId: data.branchId,
          requestedAt: at,
        },
      },
    ];
  },
  evolve: {
    StaffMemberHired: (_state, event) => ({ status: 'active', ...event.data, updatedAt: event.data.hiredAt }),
    StaffLoginRequested: (state, event) => {
      if (state.status !== 'active') return state;
      return { ...state, loginRequested: event.data.username };
    },
  },
});
