import type { StaffMemberErasedV1 } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { activeMember, separatedOn, staffRetentionEndsAt } from './member.rules';
import type { MemberContext, MemberState } from './member.state';

/**
 * Forget the staff member's personal data for good, once they have left: at request (`retentionDays` absent), or
 * by the retention timer (`retentionDays`: how long the tenant keeps a leaver's data after the last day; nothing
 * happens before).
 */
export type EraseStaffMember = Command<'EraseStaffMember', { staffId: string; retentionDays?: number }>;

/**
 * The staff member's personal data is forgotten: their data key is destroyed with this event, at request or when
 * the retention after their last day is over (`by`). Payload StaffMemberErasedV1 in libs/contracts.
 */
export type StaffMemberErased = Event<'StaffMemberErased', StaffMemberErasedV1>;

/**
 * At request: a leaver only (else 422 naming why), once (again: 422 STAFF.STAFF_MEMBER_ERASED). By the retention
 * timer: nothing unless the person has left and the retention after the last day is over, nothing when erased
 * already (a timer run twice changes nothing). Its handler erases the application too and destroys the keys
 * (application/member-erasure.handlers.ts).
 */
export const eraseStaffMember = useCase<EraseStaffMember, StaffMemberErased, MemberState, MemberContext>({
  command: 'EraseStaffMember',
  // At request: no retention given (that is the timer's).
  handles: {
    rpc: 'staff.EraseStaffMember',
    command: (request: { id: string }) => ({ type: 'EraseStaffMember', data: { staffId: request.id } }),
  },
  decide({ data }, state, context) {
    const { retentionDays } = data;
    const byTimer = retentionDays !== undefined;
    if (byTimer && state.status === 'erased') return [];
    const member = activeMember(state);
    let lastDay: string;
    try {
      lastDay = separatedOn(context.separation, context.now, context.timeZone);
    } catch (refused) {
      if (byTimer) return [];
      throw refused;
    }
    if (
      retentionDays !== undefined &&
      context.now < staffRetentionEndsAt(lastDay, retentionDays, context.timeZone)
    )
      return [];
    return [
      {
        type: 'StaffMemberErased',
        data: {
          staffId: member.staffId,
          by: byTimer ? 'retention' : 'request',
          lastDay,
          erasedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    StaffMemberErased: (state, event) => {
      if (state.status === 'absent') return state;
      // The username is the person's too: it goes with the rest.
      const { name: _n, phone: _p, idNumber: _i, loginRequested: _l, ...kept } = state;
      return {
        ...kept,
        status: 'erased',
        name: '',
        phone: '',
        erasedAt: event.data.erasedAt,
        updatedAt: event.data.erasedAt,
      };
    },
  },
});
