import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { decideAppeal } from './decide-appeal';
import { initialDisciplineState, type DisciplineContext, type DisciplineState } from './discipline.state';
import { grantReward } from './grant-reward';
import { recordViolation } from './record-violation';

/**
 * A staff member's conduct register: the list of its use cases, a file each beside this one (command, decision,
 * the events it records and how they change the state). A new command is its file and its line here; the unions
 * below, the decider and the service's generic handler (application/discipline.handlers.ts) follow from the list.
 */
export const DISCIPLINE_USE_CASES = [recordViolation, decideAppeal, grantReward] as const;

export type DisciplineCommand = CommandOf<typeof DISCIPLINE_USE_CASES>;
export type DisciplineEvent = EventOf<typeof DISCIPLINE_USE_CASES>;

export const disciplineDecider = deciderOf<typeof DISCIPLINE_USE_CASES, DisciplineState, DisciplineContext>(
  initialDisciplineState,
  DISCIPLINE_USE_CASES,
);

/**
 * One register per staff member: 'staff-discipline-<tenantId>-<staffId>'. Every violation of a person is appended
 * on this one stream at the version it was decided on, so two recorded at once are ranked in order (the loser of
 * the race is decided again on the winner's event: never two "first offences").
 */
export function disciplineStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-discipline', tenantId, staffId);
}
