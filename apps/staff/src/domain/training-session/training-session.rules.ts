import { STAFF_LIMITS } from '@serviceops/contracts';
import { TrainingSessionErrorCode as E, trainingSessionError } from './training-session.errors';
import type {
  TrainingSessionContext,
  TrainingSessionRecord,
  TrainingSessionState,
} from './training-session.state';

// What the session's use cases share: the session a command acts on, the staff it may name, the score's bound.

/** A knowledge-test score is a whole percentage. */
export const MAX_TRAINING_SCORE = STAFF_LIMITS.trainingScore;

/** The session a command acts on; none scheduled: not found. */
export function existing(state: TrainingSessionState): TrainingSessionRecord {
  if (state.status === 'absent') throw trainingSessionError(E.SESSION_NOT_FOUND, 'no such training session');
  return state;
}

/** The people a request names, as ids are kept: lower-cased (the method checks each is a UUID). */
export const idsOf = (ids: readonly string[] | undefined): string[] =>
  (ids ?? []).map((id) => id.toLowerCase());

/** Kinds led by a named senior or coach. */
export const TRAINER_LED: readonly string[] = ['mentoring', 'quality_coaching'];

/** Every id a staff member of the tenant; else refused naming them. */
export function assertKnown(ids: readonly string[], context: TrainingSessionContext): void {
  const known = context.knownStaff;
  if (known === undefined) throw new Error('scheduling and inviting need the known staff in their context');
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw trainingSessionError(E.STAFF_NOT_FOUND, `no staff member ${unknown.join(', ')}`, {
      field: 'invitees',
    });
}
