import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { dismissStaffMember } from './dismiss-staff-member';
import { resignStaffMember } from './resign-staff-member';
import { initialSeparationState, type SeparationContext, type SeparationState } from './separation.state';
import { tickHandoverItem } from './tick-handover-item';

/**
 * A staff member's separation: the list of its use cases, a file each beside this one (command, decision, the
 * events it records and how they change the state). The unions below, the decider and the generic handler's
 * bindings (application/separation.handlers.ts) follow from the list.
 */
export const SEPARATION_USE_CASES = [resignStaffMember, dismissStaffMember, tickHandoverItem] as const;

export type SeparationCommand = CommandOf<typeof SEPARATION_USE_CASES>;
export type SeparationEvent = EventOf<typeof SEPARATION_USE_CASES>;

export const separationDecider = deciderOf<typeof SEPARATION_USE_CASES, SeparationState, SeparationContext>(
  initialSeparationState,
  SEPARATION_USE_CASES,
);

/** One separation stream per staff member: 'staff-separation-<tenantId>-<staffId>'. */
export function separationStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-separation', tenantId, staffId);
}
