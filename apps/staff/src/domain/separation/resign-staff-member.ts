import { addDays, optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { reasonOf, starting, type SeparationRequest } from './separation.rules';
import type { SeparationContext, SeparationState } from './separation.state';

// Every command names the staff member: one separation stream per staff member.

export type ResignStaffMember = Command<'ResignStaffMember', { staffId: string; reason?: string }>;

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

/** Stream: 'staff-separation-<tenant>-<staffId>'. `lastDay` is the submission day plus the notice days. */
export type ResignationSubmitted = Event<
  'ResignationSubmitted',
  { staffId: string; reason?: string; noticeDays: number; lastDay: string; submittedAt: string }
>;

/**
 * A resignation, its last day the tenant's notice days after today. Its handler then ticks the handover items the
 * person holds nothing of (a read of the holdings): application/separation.handlers.ts.
 */
export const resignStaffMember = useCase<
  ResignStaffMember,
  ResignationSubmitted,
  SeparationState,
  SeparationContext
>({
  command: 'ResignStaffMember',
  handles: {
    rpc: 'staff.ResignStaffMember',
    command: (request: SeparationRequest) => ({
      type: 'ResignStaffMember',
      data: { staffId: request.id, ...optional('reason', request.reason) },
    }),
  },
  decide({ data }, state, context) {
    const { staffId, today } = starting(state, context);
    const reason = reasonOf(data.reason);
    const { noticeDays } = context.policy;
    return [
      {
        type: 'ResignationSubmitted',
        data: {
          staffId,
          ...(reason ? { reason } : {}),
          noticeDays,
          lastDay: addDays(today, noticeDays),
          submittedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ResignationSubmitted: (_state, event) => {
      const { staffId, reason, noticeDays, lastDay, submittedAt } = event.data;
      return {
        status: 'separating',
        staffId,
        kind: 'resignation',
        ...(reason ? { reason } : {}),
        noticeDays,
        lastDay,
        startedAt: submittedAt,
        ticked: [],
      };
    },
  },
});
