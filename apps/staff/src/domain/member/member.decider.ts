import { streamId, type Decider } from '@serviceops/kernel';
import type { MemberCommand } from './member.commands';
import { decideMember, type MemberContext } from './member.decide';
import type { MemberEvent } from './member.events';
import { evolveMember } from './member.evolve';
import { initialMemberState, type MemberState } from './member.state';

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState, MemberContext> = {
  initialState: initialMemberState,
  decide: decideMember,
  evolve: evolveMember,
};

/**
 * One stream per staff member, named by the staff member's id: 'staff-member-<tenantId>-<staffId>' (stream ids
 * always lead with their tenant). StaffMemberHired starts it; PayTermsChanged follows.
 */
export function memberStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-member', tenantId, staffId);
}
