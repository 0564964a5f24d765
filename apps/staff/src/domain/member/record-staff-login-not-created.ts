import type { StaffLoginNotCreatedV1 } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import type { MemberContext, MemberState } from './member.state';

/** Tenancy's answer to the hire's login request: no user made, and why (its StaffLoginNotCreatedV1). */
export type RecordStaffLoginNotCreated = Command<'RecordStaffLoginNotCreated', StaffLoginNotCreatedV1>;

/**
 * Tenancy answered the hire's login request without making a user: the person had a login already (`userId`, a
 * user an admin linked to them first). Recorded from tenancy's StaffLoginNotCreatedV1, once.
 */
export type StaffLoginNotCreated = Event<'StaffLoginNotCreated', StaffLoginNotCreatedV1>;

/**
 * Tenancy's answer that no login was made for the hire (the person had one linked already): recorded once, so a
 * redelivered answer adds nothing; nothing for a staff member this service does not know. An erased file records it
 * too (ids only). Taken from tenancy's event (login-answers.process.ts): no declared method.
 */
export const recordStaffLoginNotCreated = useCase<
  RecordStaffLoginNotCreated,
  StaffLoginNotCreated,
  MemberState,
  MemberContext
>({
  command: 'RecordStaffLoginNotCreated',
  decide({ data }, state) {
    if (state.status === 'absent' || state.loginNotCreated !== undefined) return [];
    const { staffId, userId, reason, answeredAt } = data;
    return [{ type: 'StaffLoginNotCreated', data: { staffId, userId, reason, answeredAt } }];
  },
  evolve: {
    StaffLoginNotCreated: (state, event) => {
      if (state.status === 'absent') return state;
      const { reason, userId, answeredAt } = event.data;
      return { ...state, loginNotCreated: { reason, userId, answeredAt } };
    },
  },
});
