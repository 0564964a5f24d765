import { addDays, localDateOf, RULES } from '@serviceops/kernel';
import type { SeparationCommand, SeparationContext } from './separation.commands';
import { SeparationErrorCode as E, separationError } from './separation.errors';
import { HANDOVER_ITEMS, type SeparationEvent } from './separation.events';
import type { SeparationState } from './separation.state';

/**
 * Notice days when the tenant's policy gives none: DOMAIN.md says "N days per policy" and the seeds leave the
 * number blank ("提前[具体天数]"), so 30 (issue 13's brief) until a tenant sets its own.
 */
export const DEFAULT_NOTICE_DAYS = 30;

function reasonOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!RULES.reason.accepts(raw))
    throw separationError(E.REASON_REJECTED, `reason ${RULES.reason.message}`, { field: 'reason' });
  return raw.trim();
}

function starting(state: SeparationState, context: SeparationContext): { staffId: string; today: string } {
  // An erased staff member left already: their separation is on record (below).
  if (!context.member || context.member.status === 'absent')
    throw separationError(E.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
  if (state.status !== 'none')
    throw separationError(
      E.SEPARATION_EXISTS,
      `a ${state.kind} is on record already (last day ${state.lastDay})`,
    );
  return { staffId: context.member.staffId, today: localDateOf(context.timeZone, context.now) };
}

export function decideSeparation(
  command: SeparationCommand,
  state: SeparationState,
  context: SeparationContext,
): readonly SeparationEvent[] {
  const at = context.now.toISOString();
  switch (command.type) {
    case 'ResignStaffMember': {
      const { staffId, today } = starting(state, context);
      const reason = reasonOf(command.data.reason);
      const { noticeDays } = context.policy;
      return [
        {
          type: 'ResignationSubmitted',
          data: {
            staffId,
            ...(reason ? { reason } : {}),
            noticeDays,
            lastDay: addDays(today, noticeDays),
            submittedAt: at,
          },
        },
      ];
    }
    case 'DismissStaffMember': {
      const { staffId, today } = starting(state, context);
      const reason = reasonOf(command.data.reason);
      if (!reason) throw separationError(E.REASON_MISSING, 'a dismissal says why', { field: 'reason' });
      return [{ type: 'StaffMemberDismissed', data: { staffId, reason, lastDay: today, dismissedAt: at } }];
    }
    case 'TickHandoverItem': {
      if (state.status === 'none')
        throw separationError(E.NOT_SEPARATING, 'the staff member has neither resigned nor been dismissed');
      const { item } = command.data;
      if (state.ticked.includes(item)) return [];
      const note = command.data.note === undefined ? undefined : command.data.note.trim();
      if (note !== undefined && !RULES.reason.accepts(note))
        throw separationError(E.NOTE_REJECTED, `note ${RULES.reason.message}`, { field: 'note' });
      const ticked: SeparationEvent = {
        type: 'HandoverItemTicked',
        data: { staffId: state.staffId, item, ...(note ? { note } : {}), tickedAt: at },
      };
      const complete = HANDOVER_ITEMS.every((i) => i === item || state.ticked.includes(i));
      return complete
        ? [
            ticked,
            {
              type: 'FinalSettlementRequested',
              data: { staffId: state.staffId, kind: state.kind, lastDay: state.lastDay, requestedAt: at },
            },
          ]
        : [ticked];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
