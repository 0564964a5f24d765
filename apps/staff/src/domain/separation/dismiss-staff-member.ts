import { useCase, type Command, type Event } from '@serviceops/kernel';
import { SeparationErrorCode as E, separationError } from './separation.errors';
import { reasonOf, starting, type SeparationRequest } from './separation.rules';
import type { SeparationContext, SeparationState } from './separation.state';

export type DismissStaffMember = Command<'DismissStaffMember', { staffId: string; reason: string }>;

export type StaffMemberDismissed = Event<
  'StaffMemberDismissed',
  { staffId: string; reason: string; lastDay: string; dismissedAt: string }
>;

/**
 * A dismissal, with its reason, its last day today. Its handler then ticks the handover items the person holds
 * nothing of (a read of the holdings): application/separation.handlers.ts.
 */
export const dismissStaffMember = useCase<
  DismissStaffMember,
  StaffMemberDismissed,
  SeparationState,
  SeparationContext
>({
  command: 'DismissStaffMember',
  handles: {
    rpc: 'staff.DismissStaffMember',
    command: (request: SeparationRequest) => ({
      type: 'DismissStaffMember',
      data: { staffId: request.id, reason: request.reason ?? '' },
    }),
  },
  decide({ data }, state, context) {
    const { staffId, today } = starting(state, context);
    const reason = reasonOf(data.reason);
    if (!reason) throw separationError(E.REASON_MISSING, 'a dismissal says why', { field: 'reason' });
    return [
      {
        type: 'StaffMemberDismissed',
        data: { staffId, reason, lastDay: today, dismissedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    StaffMemberDismissed: (_state, event) => {
      const { staffId, reason, lastDay, dismissedAt } = event.data;
      return {
        status: 'separating',
        staffId,
        kind: 'dismissal',
        reason,
        lastDay,
        startedAt: dismissedAt,
        ticked: [],
      };
    },
  },
});
