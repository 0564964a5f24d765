import { REQUEST_KINDS, type RequestKind, type StaffSkillsSetV1 } from '@serviceops/contracts';
import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { MemberErrorCode, memberError } from './member.errors';
import { employedMember } from './member.rules';
import type { MemberContext, MemberState } from './member.state';

/**
 * Record the request kinds (orders' vocabulary) the staff member is skilled for: the whole list, replacing the
 * one before; empty clears it (their role decides again). `setBy`: the people manager's user id.
 */
export type SetStaffSkills = Command<
  'SetStaffSkills',
  { staffId: string; kinds: readonly string[]; setBy: string }
>;

/** The request kinds the staff member is skilled for (published as StaffSkillsSetV1: orders' dispatch reads them). */
export type StaffSkillsSet = Event<'StaffSkillsSet', StaffSkillsSetV1>;

const isRequestKind = (kind: string): kind is RequestKind =>
  (REQUEST_KINDS as readonly string[]).includes(kind);

/**
 * The request kinds someone still employed (not erased, not left) is skilled for: each one of orders' vocabulary,
 * kept once and in the vocabulary's order, so the same list again (in any order, with repeats) changes nothing.
 * Empty clears the list: orders goes back to judging them by their role. `setBy` is the caller, whom the
 * generic handler passes to the mapping.
 */
export const setStaffSkills = useCase<SetStaffSkills, StaffSkillsSet, MemberState, MemberContext>({
  command: 'SetStaffSkills',
  handles: {
    rpc: 'staff.SetStaffSkills',
    command: (request: { id: string; kinds?: readonly string[] }, { actorId }: Caller) => ({
      type: 'SetStaffSkills',
      data: { staffId: request.id, kinds: request.kinds ?? [], setBy: actorId },
    }),
  },
  decide({ data }, state, context) {
    const member = employedMember(state);
    const unknown = data.kinds.filter((kind) => !isRequestKind(kind));
    if (unknown.length > 0)
      throw memberError(
        MemberErrorCode.SKILL_KIND_UNKNOWN,
        `not a request kind: ${unknown.join(', ')} (one of ${REQUEST_KINDS.join(', ')})`,
        { field: 'kinds', unknown },
      );
    const kinds = REQUEST_KINDS.filter((kind) => data.kinds.includes(kind));
    if (kinds.join() === (member.skills?.kinds ?? []).join()) return [];
    return [
      {
        type: 'StaffSkillsSet',
        data: { staffId: member.staffId, kinds, setBy: data.setBy, setAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    StaffSkillsSet: (state, event) => {
      if (state.status === 'absent') return state;
      return { ...state, skills: event.data, updatedAt: event.data.setAt };
    },
  },
});
