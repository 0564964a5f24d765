import type { StaffMemberLeftV1 } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { lastDayCome } from './member.rules';
import type { MemberContext, MemberState } from './member.state';

/** The separation's last day came (the durable timer armed at the resignation or dismissal): they have left. */
export type RecordStaffMemberLeft = Command<'RecordStaffMemberLeft', { staffId: string }>;

/**
 * The separation's last day came: the person has left (published as StaffMemberLeftV1; tenancy closes their
 * login). Written once, by the durable timer armed at the resignation or dismissal.
 */
export type StaffMemberLeft = Event<'StaffMemberLeft', StaffMemberLeftV1>;

/**
 * The leave timer's command: `StaffMemberLeft` once the separation's last day has come, whether or not the
 * handover is complete (access ends with the employment). Nothing otherwise: before the last day, without a
 * separation, or when they left already (a timer run twice writes one event). An erased file still records it
 * (the event carries no personal data, and the login must close all the same).
 */
export const recordStaffMemberLeft = useCase<
  RecordStaffMemberLeft,
  StaffMemberLeft,
  MemberState,
  MemberContext
>({
  command: 'RecordStaffMemberLeft',
  decide({ data }, state, context) {
    if (state.status === 'absent' || state.leftAt !== undefined) return [];
    const { separation } = context;
    if (!separation || separation.status === 'none' || !separation.lastDay || !separation.kind) return [];
    if (!lastDayCome(separation.lastDay, context.now, context.timeZone)) return [];
    return [
      {
        type: 'StaffMemberLeft',
        data: {
          staffId: data.staffId,
          kind: separation.kind,
          lastDay: separation.lastDay,
          leftAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    StaffMemberLeft: (state, event) => {
      if (state.status === 'absent') return state;
      return { ...state, leftAt: event.data.leftAt, updatedAt: event.data.leftAt };
    },
  },
});
