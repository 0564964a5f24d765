import { STAFF_LIMITS } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import {
  TRAINING_KINDS,
  type CloseTrainingSession,
  type InviteToTrainingSession,
  type RecordTrainingAttendance,
  type ScheduleTrainingSession,
  type TrainingSessionCommand,
  type TrainingSessionContext,
} from './training-session.commands';
import { TrainingSessionErrorCode as E, trainingSessionError } from './training-session.errors';
import type { TrainingSessionEvent } from './training-session.events';
import type { TrainingSessionRecord, TrainingSessionState } from './training-session.state';

export type { TrainingSessionContext } from './training-session.commands';

/** A knowledge-test score is a whole percentage. */
export const MAX_TRAINING_SCORE = STAFF_LIMITS.trainingScore;

export function decideTrainingSession(
  command: TrainingSessionCommand,
  state: TrainingSessionState,
  context: TrainingSessionContext,
): readonly TrainingSessionEvent[] {
  switch (command.type) {
    case 'ScheduleTrainingSession':
      return schedule(command, state, context);
    case 'InviteToTrainingSession':
      return invite(command, existing(state), context);
    case 'RecordTrainingAttendance':
      return attend(command, existing(state), context);
    case 'CloseTrainingSession':
      return close(command, existing(state), context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function existing(state: TrainingSessionState): TrainingSessionRecord {
  if (state.status === 'absent') throw trainingSessionError(E.SESSION_NOT_FOUND, 'no such training session');
  return state;
}

function schedule(
  command: ScheduleTrainingSession,
  state: TrainingSessionState,
  context: TrainingSessionContext,
): readonly TrainingSessionEvent[] {
  const { data } = command;
  if (state.status !== 'absent') throw trainingSessionError(E.SESSION_EXISTS, 'the session exists already');
  if (!(TRAINING_KINDS as readonly string[]).includes(data.kind))
    throw trainingSessionError(E.UNKNOWN_KIND, `kind must be one of ${TRAINING_KINDS.join(', ')}`, {
      field: 'kind',
    });
  if (!RULES.reason.accepts(data.topic))
    throw trainingSessionError(E.TEXT_REFUSED, `topic ${RULES.reason.message}`, { field: 'topic' });
  for (const field of ['startsAt', 'endsAt'] as const)
    if (!RULES.instant.accepts(data[field]))
      throw trainingSessionError(E.TEXT_REFUSED, `${field} ${RULES.instant.message}`, { field });
  const startsAt = new Date(data.startsAt);
  const endsAt = new Date(data.endsAt);
  if (endsAt.getTime() <= startsAt.getTime())
    throw trainingSessionError(E.ENDS_BEFORE_START, 'a session ends after it starts', { field: 'endsAt' });
  if (endsAt.getTime() <= context.now.getTime())
    throw trainingSessionError(E.STARTS_IN_PAST, 'a session is scheduled before it ends', {
      field: 'endsAt',
    });
  const invitees = [...new Set(data.invitees)];
  if (invitees.length === 0)
    throw trainingSessionError(E.NO_INVITEES, 'a session invites at least one person', { field: 'invitees' });
  if (data.kind === 'quality_coaching' && invitees.length !== 1)
    throw trainingSessionError(E.COACHING_ONE_TO_ONE, 'coaching after a quality problem is one-to-one', {
      field: 'invitees',
    });
  const trainerId = data.trainerId ?? null;
  if (trainerId === null && TRAINER_LED.includes(data.kind))
    throw trainingSessionError(E.TRAINER_REQUIRED, `a ${data.kind} session names its mentor or coach`, {
      field: 'trainerId',
    });
  if (trainerId !== null && invitees.includes(trainerId))
    throw trainingSessionError(E.TRAINER_INVITED, 'the trainer is not one of the invitees', {
      field: 'trainerId',
    });
  assertKnown([...invitees, ...(trainerId !== null ? [trainerId] : [])], context);
  return [
    {
      type: 'TrainingSessionScheduled',
      data: {
        sessionId: data.sessionId,
        kind: data.kind,
        topic: data.topic.trim(),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        mandatory: data.mandatory,
        invitees,
        trainerId,
        scheduledAt: context.now.toISOString(),
      },
    },
  ];
}

/** Kinds led by a named senior or coach. */
export const TRAINER_LED: readonly string[] = ['mentoring', 'quality_coaching'];

function assertKnown(ids: readonly string[], context: TrainingSessionContext): void {
  const known = context.knownStaff;
  if (known === undefined) throw new Error('scheduling and inviting need the known staff in their context');
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw trainingSessionError(E.STAFF_NOT_FOUND, `no staff member ${unknown.join(', ')}`, {
      field: 'invitees',
    });
}

function invite(
  command: InviteToTrainingSession,
  session: TrainingSessionRecord,
  context: TrainingSessionContext,
): readonly TrainingSessionEvent[] {
  if (session.status === 'closed' || context.now.getTime() >= Date.parse(session.endsAt))
    throw trainingSessionError(E.SESSION_OVER, 'the session is over: no more invitations');
  if (session.kind === 'quality_coaching')
    throw trainingSessionError(E.COACHING_ONE_TO_ONE, 'coaching after a quality problem is one-to-one', {
      field: 'invitees',
    });
  const invitees = [...new Set(command.data.invitees)].filter((id) => !session.invitees.includes(id));
  if (invitees.length === 0) return [];
  if (session.trainerId !== null && invitees.includes(session.trainerId))
    throw trainingSessionError(E.TRAINER_INVITED, 'the trainer is not one of the invitees', {
      field: 'invitees',
    });
  assertKnown(invitees, context);
  return [
    {
      type: 'TrainingInvitationsSent',
      data: { sessionId: session.sessionId, invitees, invitedAt: context.now.toISOString() },
    },
  ];
}

function attend(
  command: RecordTrainingAttendance,
  session: TrainingSessionRecord,
  context: TrainingSessionContext,
): readonly TrainingSessionEvent[] {
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
}

function close(
  _command: CloseTrainingSession,
  session: TrainingSessionRecord,
  context: TrainingSessionContext,
): readonly TrainingSessionEvent[] {
  if (session.status === 'closed') return [];
  return [
    {
      type: 'TrainingSessionClosed',
      data: {
        sessionId: session.sessionId,
        closedAt: context.now.toISOString(),
        mandatory: session.mandatory,
        missed: session.invitees.filter((id) => !session.attended.includes(id)),
      },
    },
  ];
}
