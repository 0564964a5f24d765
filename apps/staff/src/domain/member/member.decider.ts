import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { changePayTerms } from './change-pay-terms';
import { changeStaffRole } from './change-staff-role';
import { eraseStaffMember } from './erase-staff-member';
import { hireStaffMember } from './hire-staff-member';
import { initialMemberState, type MemberContext, type MemberState } from './member.state';
import { recordStaffLoginNotCreated } from './record-staff-login-not-created';
import { recordStaffMemberLeft } from './record-staff-member-left';
import { setStaffSkills } from './set-staff-skills';

/**
 * The staff member's file: the list of its use cases, a file each beside this one (command, decision, the events
 * it records and how they change the state). The unions below, the decider and the generic handler's bindings
 * (application/member.handlers.ts) follow from the list.
 */
export const MEMBER_USE_CASES = [
  hireStaffMember,
  changePayTerms,
  eraseStaffMember,
  recordStaffMemberLeft,
  changeStaffRole,
  setStaffSkills,
  recordStaffLoginNotCreated,
] as const;

export type MemberCommand = CommandOf<typeof MEMBER_USE_CASES>;
export type MemberEvent = EventOf<typeof MEMBER_USE_CASES>;

export const memberDecider = deciderOf<typeof MEMBER_USE_CASES, MemberState, MemberContext>(
  initialMemberState,
  MEMBER_USE_CASES,
);

/**
 * One stream per staff member, named by the staff member's id: 'staff-member-<tenantId>-<staffId>' (stream ids
 * always lead with their tenant). StaffMemberHired starts it; PayTermsChanged follows.
 */
export function memberStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-member', tenantId, staffId);
}
