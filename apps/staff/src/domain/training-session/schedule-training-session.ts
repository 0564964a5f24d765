import { TRAINING_KINDS } from '@serviceops/contracts';
import { optional, RULES, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { TrainingSessionErrorCode as E, trainingSessionError } from './training-session.errors';
import { assertKnown, idsOf, TRAINER_LED } from './training-session.rules';
import type { TrainingSessionContext, TrainingSessionState } from './training-session.state';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type ScheduleTrainingSession = Command<
  'ScheduleTrainingSession',
  {
    readonly sessionId: string;
    readonly kind: string;
    readonly topic: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly mandatory: boolean;
    readonly invitees: readonly string[];
    /** The senior who mentors, the coach of a one-to-one, the trainer: required for mentoring and coaching. */
    readonly trainerId?: string;
  }
>;

export type TrainingSessionScheduled = Event<
  'TrainingSessionScheduled',
  {
    sessionId: string;
    kind: string;
    topic: string;
    startsAt: string;
    endsAt: string;
    mandatory: boolean;
    invitees: string[];
    trainerId: string | null;
    scheduledAt: string;
  }
>;

/** The request as the proto decodes it (proto3: unset fields absent). */
interface ScheduleTrainingSessionRequest {
  readonly kind?: string;
  readonly topic?: string;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly mandatory?: boolean;
  readonly invitees?: readonly string[];
  readonly trainerId?: string;
}

/**
 * A session with its invitees (and its trainer), its id made for the call. The method reads which people are staff
 * and sets the timer at the session's end (application/training-session.handlers.ts).
 */
export const scheduleTrainingSession = useCase<
  ScheduleTrainingSession,
  TrainingSessionScheduled,
  TrainingSessionState,
  TrainingSessionContext
>({
  command: 'ScheduleTrainingSession',
  handles: {
    rpc: 'staff.ScheduleTrainingSession',
    command: (request: ScheduleTrainingSessionRequest, { newId }: Caller) => ({
      type: 'ScheduleTrainingSession',
      data: {
        sessionId: newId,
        kind: request.kind ?? '',
        topic: request.topic ?? '',
        startsAt: request.startsAt ?? '',
        endsAt: request.endsAt ?? '',
        mandatory: request.mandatory ?? false,
        invitees: idsOf(request.invitees),
        ...optional('trainerId', request.trainerId?.toLowerCase()),
      },
    }),
  },
  decide(command, state, context) {
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
      throw trainingSessionError(E.NO_INVITEES, 'a session invites at least one person', {
        field: 'invitees',
      });
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
  },
  evolve: {
    TrainingSessionScheduled: (_state, event) => {
      const { scheduledAt: _, ...session } = event.data;
      return { ...session, status: 'scheduled', attended: [], missed: [] };
    },
  },
});
