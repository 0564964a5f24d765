import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { closeTrainingSession } from './close-training-session';
import { inviteToTrainingSession } from './invite-to-training-session';
import { recordTrainingAttendance } from './record-training-attendance';
import { scheduleTrainingSession } from './schedule-training-session';
import {
  initialTrainingSessionState,
  type TrainingSessionContext,
  type TrainingSessionState,
} from './training-session.state';

export type { TrainingSessionContext } from './training-session.state';

/**
 * A training session: the list of its use cases, a file each beside this one (command, decision, the events it
 * records and how they change the state). A new command is its file and its line here; the unions below, the
 * decider and the service's generic handler (application/training-session.handlers.ts) follow from the list.
 */
export const TRAINING_SESSION_USE_CASES = [
  scheduleTrainingSession,
  inviteToTrainingSession,
  recordTrainingAttendance,
  closeTrainingSession,
] as const;

export type TrainingSessionCommand = CommandOf<typeof TRAINING_SESSION_USE_CASES>;
export type TrainingSessionEvent = EventOf<typeof TRAINING_SESSION_USE_CASES>;

export const trainingSessionDecider = deciderOf<
  typeof TRAINING_SESSION_USE_CASES,
  TrainingSessionState,
  TrainingSessionContext
>(initialTrainingSessionState, TRAINING_SESSION_USE_CASES);

/** One stream per session: 'training-session-<tenantId>-<sessionId>'. */
export function trainingSessionStreamId(tenantId: string, sessionId: string): string {
  return streamId('training-session', tenantId, sessionId);
}

/**
 * The id of the violation a missed mandatory session makes for one invitee: the same every time (a UUID shaped
 * from the session's and the person's ids), so the register records it once however often the timer fires.
 */
export function missedTrainingViolationId(sessionId: string, staffId: string): string {
  const hex = (sessionId + staffId).replace(/-/g, '').toLowerCase();
  // Fold the 64 hex digits of both ids into 32 (xor), then stamp version 8 (custom) and the RFC 4122 variant.
  let folded = '';
  for (let i = 0; i < 32; i++)
    folded += (parseInt(hex[i] ?? '0', 16) ^ parseInt(hex[i + 32] ?? '0', 16)).toString(16);
  const v = `${folded.slice(0, 12)}8${folded.slice(13, 16)}${((parseInt(folded[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${folded.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}
