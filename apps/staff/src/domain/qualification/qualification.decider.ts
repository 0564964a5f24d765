import { deciderOf, streamId, type CommandOf, type Decider, type EventOf } from '@serviceops/kernel';
import { expireQualification } from './expire-qualification';
import { markReverificationOverdue } from './mark-reverification-overdue';
import { eligibilityChange, evolveEligibility, type StaffEligibilityChanged } from './qualification.rules';
import {
  initialQualificationsState,
  type QualificationContext,
  type QualificationsState,
} from './qualification.state';
import { recordQualification } from './record-qualification';
import { reinstateQualification } from './reinstate-qualification';
import { remindQualificationExpiry } from './remind-qualification-expiry';
import { reverifyQualification } from './reverify-qualification';
import { suspendQualification } from './suspend-qualification';

/**
 * A staff member's qualifications: the list of their use cases, a file each beside this one (command, decision,
 * the events it records and how they change the state). The unions below, the decider and the generic handler's
 * bindings (application/qualification.handlers.ts) follow from the list.
 */
export const QUALIFICATION_USE_CASES = [
  recordQualification,
  suspendQualification,
  reinstateQualification,
  reverifyQualification,
  remindQualificationExpiry,
  expireQualification,
  markReverificationOverdue,
] as const;

export type QualificationCommand = CommandOf<typeof QUALIFICATION_USE_CASES>;
/** The use cases' events, and the eligibility change the decider adds after any of them. */
export type QualificationEvent = EventOf<typeof QUALIFICATION_USE_CASES> | StaffEligibilityChanged;

const useCases = deciderOf<typeof QUALIFICATION_USE_CASES, QualificationsState, QualificationContext>(
  initialQualificationsState,
  QUALIFICATION_USE_CASES,
);

/**
 * The use cases' decider, with what they all share: the eligibility the qualifications make. Whatever a use case
 * records is followed, in the same append, by a StaffEligibilityChanged when it changes whether (or why not) the
 * person is assignable; no use case records it on its own, so none owns it.
 */
export const qualificationDecider: Decider<
  QualificationCommand,
  QualificationEvent,
  QualificationsState,
  QualificationContext
> = {
  initialState: initialQualificationsState,
  decide: (command, state, context) => {
    const events = useCases.decide(command, state, context);
    return events.length === 0
      ? events
      : [...events, ...eligibilityChange(state, events, context.now, useCases.evolve)];
  },
  evolve: (state, event) =>
    event.type === 'StaffEligibilityChanged'
      ? evolveEligibility(state, event)
      : useCases.evolve(state, event),
};

/**
 * One stream per staff member holds all their qualifications and the eligibility they make:
 * 'staff-qualifications-<tenantId>-<staffId>'.
 */
export function qualificationsStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-qualifications', tenantId, staffId);
}
