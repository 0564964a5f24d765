import { Injectable } from '@nestjs/common';
import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { DomainError, type RecordedEvent } from '@serviceops/kernel';
import { DisciplineErrorCode } from '../domain/discipline/discipline.errors';
import {
  DurableTimers,
  EventSourcingRuntime,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  isSealed,
  ProblemError,
  type CallContext,
  type DueTimer,
  uuidField,
} from '@serviceops/platform';
import {
  missedTrainingViolationId,
  TRAINING_SESSION_USE_CASES,
  trainingSessionDecider,
  trainingSessionStreamId,
  type TrainingSessionCommand,
} from '../domain/training-session/training-session.decider';
import {
  inviteToTrainingSession,
  type InviteToTrainingSession,
} from '../domain/training-session/invite-to-training-session';
import {
  scheduleTrainingSession,
  type ScheduleTrainingSession,
} from '../domain/training-session/schedule-training-session';
import { TrainingSessionErrorCode } from '../domain/training-session/training-session.errors';
import type { TrainingSessionEvent } from '../domain/training-session/training-session.events';
import { staffFactsOf } from '../infrastructure/conduct-staff-facts.repository';
import { DisciplineHandlers } from './discipline.handlers';
import { People } from './people';

export const TRAINING_END_TIMER = 'training-session-end';
const LASTING_REFUSALS: ReadonlySet<string> = new Set([
  DisciplineErrorCode.UNKNOWN_RULE,
  DisciplineErrorCode.RULE_NOT_IN_LINE,
  DisciplineErrorCode.STAFF_NOT_FOUND,
]);
/** The conduct rule a missed mandatory session breaks (seeds/001 三、10: pre-shift meeting or training, 5 CNY). */
export const MISSED_TRAINING_RULE = 'missed-meeting-or-training';
const endTimerId = (sessionId: string): string => `${TRAINING_END_TIMER}:${sessionId}`;

/**
 * Where personal free text sits (PERSONAL_TEXT.staffTraining): the topic, sealed with the session's own key (a
 * session has many people; destroying its key makes the topic unreadable, the attendance intact).
 */
export const TRAINING_SEALED_PATHS = sealedPathsOf(
  ['TrainingSessionScheduled', 'TrainingInvitationsSent', 'TrainingAttended', 'TrainingSessionClosed'],
  PERSONAL_TEXT.staffTraining,
);

/** The session folded from its events, as the proto's TrainingSession says it. */
export function trainingSessionViewOf(
  events: readonly RecordedEvent[],
): Record<string, unknown> & { version: number; invitees: Record<string, unknown>[] } {
  let view: Record<string, unknown> | undefined;
  const invitees = new Map<string, Record<string, unknown>>();
  for (const recorded of events) {
    const e = recorded as unknown as TrainingSessionEvent;
    switch (e.type) {
      case 'TrainingSessionScheduled': {
        const { sessionId, invitees: ids, scheduledAt: _, trainerId, ...rest } = e.data;
        view = {
          id: sessionId,
          status: 'scheduled',
          ...rest,
          // Left sealed (the session's key destroyed): not shown.
          topic: isSealed(rest.topic) ? '' : rest.topic,
          ...(trainerId !== null ? { trainerId } : {}),
        };
        for (const id of ids) invitees.set(id, { staffId: id, status: 'invited' });
        break;
      }
      case 'TrainingInvitationsSent':
        for (const id of e.data.invitees) invitees.set(id, { staffId: id, status: 'invited' });
        break;
      case 'TrainingAttended': {
        const { staffId, score, passed } = e.data;
        invitees.set(staffId, {
          staffId,
          status: 'attended',
          ...(score !== null ? { score } : {}),
          ...(passed !== null ? { passed } : {}),
        });
        break;
      }
      case 'TrainingSessionClosed':
        if (view) view['status'] = 'closed';
        for (const id of e.data.missed) invitees.set(id, { staffId: id, status: 'missed' });
        break;
    }
  }
  if (!view) throw new ProblemError(TrainingSessionErrorCode.SESSION_NOT_FOUND, 'no such training session');
  return { ...view, version: events.at(-1)?.streamVersion ?? 0, invitees: [...invitees.values()] };
}

/** Each id a UUID (400 naming the one that is not): the body's ids, which no route checks. */
function checkIds(ids: readonly string[], field: string): void {
  ids.forEach((id, i) => uuidField(id, `${field}[${i}]`));
}

/**
 * Training sessions: schedule (with a durable timer at the end), record attendance, and at the end close the
 * session and turn each miss of a mandatory session into a violation of the conduct rules, once. A use case that
 * is the whole of its declared method (`handles`, in its file under domain/training-session/: recording an
 * attendance) is served by `act`, bound at the end of this file; the methods here are those that do more (the
 * people looked up as staff, the end timer).
 */
@Injectable()
export class TrainingSessionHandlers {
  constructor(
    private readonly runtime: EventSourcingRuntime,
    private readonly timers: DurableTimers,
    private readonly discipline: DisciplineHandlers,
    private readonly people: People,
  ) {}

  @HandlesUseCase(scheduleTrainingSession)
  async schedule(command: ScheduleTrainingSession, _request: object, call: CallContext) {
    const { sessionId, invitees, trainerId } = command.data;
    checkIds(invitees, 'invitees');
    if (trainerId) uuidField(trainerId, 'trainerId');
    const people = [...invitees, ...(trainerId ? [trainerId] : [])];
    await this.execute(call, sessionId, command, { knownStaff: await this.known(call, people) }, true);
    return this.get({ id: sessionId }, call);
  }

  @HandlesUseCase(inviteToTrainingSession)
  async invite(command: InviteToTrainingSession, request: { expectedVersion?: number }, call: CallContext) {
    const { sessionId, invitees } = command.data;
    checkIds(invitees, 'invitees');
    await this.execute(
      call,
      sessionId,
      command,
      { knownStaff: await this.known(call, invitees) },
      false,
      request.expectedVersion,
    );
    return this.get({ id: sessionId }, call);
  }

  /** Which of these people are staff members of the tenant. */
  private async known(call: CallContext, ids: readonly string[]): Promise<string[]> {
    const facts = await Promise.all(ids.map((id) => staffFactsOf(this.runtime.store, call.tenantId, id)));
    return ids.filter((_, i) => facts[i]?.known);
  }

  /** A command on a session (recording an attendance): answers the session as it now is. */
  async act(call: CallContext, command: TrainingSessionCommand, expectedVersion?: number) {
    const { sessionId } = command.data;
    await this.execute(call, sessionId, command, {}, false, expectedVersion);
    return this.get({ id: sessionId }, call);
  }

  @Handles('staff.GetTrainingSession')
  async get(request: { id: string }, call: CallContext) {
    const { events, decoded } = await this.people.read<TrainingSessionEvent>(
      trainingSessionStreamId(call.tenantId, request.id),
      request.id,
      TRAINING_SEALED_PATHS,
    );
    return trainingSessionViewOf(events.map((e, i) => ({ ...e, data: decoded[i]?.data ?? e.data })));
  }

  /**
   * The session's end (its durable timer): close it, then record a violation for each invitee who missed a
   * mandatory session. Every step is idempotent (the close records nothing the second time, and each violation's
   * id is derived from the session and the person), so a timer run again after a crash or restart adds nothing.
   */
  async sessionEnded(timer: DueTimer): Promise<void> {
    const sessionId = timer.payload['sessionId'];
    if (typeof sessionId !== 'string') throw new Error(`timer ${timer.id} names no session`);
    const call = {
      tenantId: timer.tenantId,
      actorId: 'system:training',
      roles: [],
      correlationId: timer.id,
    };
    const { state } = await this.execute(call, sessionId, {
      type: 'CloseTrainingSession',
      data: { sessionId },
    });
    if (state.status !== 'closed' || !state.mandatory) return;
    for (const staffId of state.missed)
      await this.recordMissed(call, {
        violationId: missedTrainingViolationId(sessionId, staffId),
        staffId,
        ruleId: MISSED_TRAINING_RULE,
        occurredAt: state.endsAt,
        // The topic in clear (sealed again with the person's key), unless the session's key is gone.
        evidence: `missed the mandatory ${state.kind} session "${isSealed(state.topic) ? '' : state.topic}" (${sessionId})`,
        recordedBy: call.actorId,
        approverId: call.actorId,
        trainingSessionId: sessionId,
      });
  }

  /**
   * A refusal that no retry can change (the tenant's rules no longer hold the rule, or not for the person's line;
   * the person left the staff) leaves the miss in the session's history only; anything else fails the timer run,
   * which is retried.
   */
  private async recordMissed(call: CallContext, data: Parameters<DisciplineHandlers['record']>[1]) {
    try {
      await this.discipline.record(call, data);
    } catch (error) {
      if (!(error instanceof DomainError) || !LASTING_REFUSALS.has(error.code)) throw error;
    }
  }

  private async execute(
    call: CallContext,
    sessionId: string,
    command: TrainingSessionCommand,
    context: { knownStaff?: readonly string[] } = {},
    newStream = false,
    expectedVersion?: number,
  ) {
    // The session's own key seals its topic: made when it is scheduled, only read after.
    const codec =
      command.type === 'ScheduleTrainingSession'
        ? await this.people.forWrite<TrainingSessionEvent>(sessionId, TRAINING_SEALED_PATHS)
        : await this.people.forRead<TrainingSessionEvent>(sessionId, TRAINING_SEALED_PATHS);
    return this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        trainingSessionDecider,
        trainingSessionStreamId(call.tenantId, sessionId),
        command,
        { now: new Date(), ...context },
        call,
        {
          codec,
          ...(newStream ? { newStream } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(command.type === 'ScheduleTrainingSession'
            ? {
                inline: async (tx) =>
                  this.timers.schedule(tx, {
                    id: endTimerId(sessionId),
                    tenantId: call.tenantId,
                    kind: TRAINING_END_TIMER,
                    dueAt: new Date(command.data.endsAt),
                    payload: { sessionId },
                  }),
              }
            : {}),
        },
      ),
    );
  }
}

// Every use case with `handles` (RecordTrainingAttendance): request → command → `act` on the session.
handlesUseCases(TrainingSessionHandlers, TRAINING_SESSION_USE_CASES, function (command, request, call) {
  return this.act(call, command as TrainingSessionCommand, request.expectedVersion);
});
