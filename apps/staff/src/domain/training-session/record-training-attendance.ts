import { optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { TrainingSessionErrorCode as E, trainingSessionError } from './training-session.errors';
import { existing, MAX_TRAINING_SCORE } from './training-session.rules';
import type { TrainingSessionContext, TrainingSessionState } from './training-session.state';

export type RecordTrainingAttendance = Command<
  'RecordTrainingAttendance',
  { readonly sessionId: string; readonly staffId: string; readonly score?: number; readonly passed?: boolean }
>;

export type TrainingAttended = Event<
  'TrainingAttended',
  { sessionId: string; staffId: string; score: number | null; passed: boolean | null; recordedAt: string }
>;

/** An invitee attended, with the knowledge test's score and verdict if there was one. */
export const recordTrainingAttendance = useCase<
  RecordTrainingAttendance,
  TrainingAttended,
  TrainingSessionState,
  TrainingSessionContext
>({
  command: 'RecordTrainingAttendance',
  handles: {
    rpc: 'staff.RecordTrainingAttendance',
    command: (request: { id: string; staffId?: string; score?: number; passed?: boolean }) => ({
      type: 'RecordTrainingAttendance',
      data: {
        sessionId: request.id,
        // Invitees are kept lower-cased (the path's ids are too): an id in capitals is the same person.
        staffId: (request.staffId ?? '').toLowerCase(),
        ...optional('score', request.score),
        ...optional('passed', request.passed),
      },
    }),
  },
  decide(command, state, context) {
    const session = existing(state);
    const { staffId, score, passed } = command.data;
    if (session.status === 'closed')
      throw trainingSessionError(E.CLOSED, 'the session is over: its attendance is closed');
    if (!session.invitees.includes(staffId))
      throw trainingSessionError(E.NOT_INVITED, `${staffId} was not invited`, { field: 'staffId' });
    if (context.now.getTime() < Date.parse(session.startsAt))
      throw trainingSessionError(E.NOT_STARTED, 'attendance is recorded once the session has started');
    if (session.attended.includes(staffId))
      throw trainingSessionError(E.ALREADY_ATTENDED, `${staffId}'s attendance is recorded already`);
    if (score !== undefined && (!Number.isInteger(score) || score < 0 || score > MAX_TRAINING_SCORE))
      throw trainingSessionError(E.BAD_SCORE, `score is a whole number 0–${MAX_TRAINING_SCORE}`, {
        field: 'score',
      });
    return [
      {
        type: 'TrainingAttended',
        data: {
          sessionId: session.sessionId,
          staffId,
          score: score ?? null,
          passed: passed ?? null,
          recordedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    TrainingAttended: (state, event) =>
      state.status === 'absent' ? state : { ...state, attended: [...state.attended, event.data.staffId] },
  },
});
