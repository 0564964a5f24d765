import { streamId, type Decider } from '@serviceops/kernel';
import type { DisciplineCommand, DisciplineContext } from './discipline.commands';
import { decideDiscipline } from './discipline.decide';
import type { DisciplineEvent } from './discipline.events';
import { evolveDiscipline } from './discipline.evolve';
import { initialDisciplineState, type DisciplineState } from './discipline.state';

export const disciplineDecider: Decider<
  DisciplineCommand,
  DisciplineEvent,
  DisciplineState,
  DisciplineContext
> = {
  initialState: initialDisciplineState,
  decide: decideDiscipline,
  evolve: evolveDiscipline,
};

/**
 * One register per staff member: 'staff-discipline-<tenantId>-<staffId>'. Every violation of a person is appended
 * on this one stream at the version it was decided on, so two recorded at once are ranked in order (the loser of
 * the race is decided again on the winner's event: never two "first offences").
 */
export function disciplineStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-discipline', tenantId, staffId);
}
