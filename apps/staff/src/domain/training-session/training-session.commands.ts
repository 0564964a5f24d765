interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export { TRAINING_KINDS, type TrainingKind } from '@serviceops/contracts';

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

/** More staff invited to a session that has not ended. */
export type InviteToTrainingSession = Command<
  'InviteToTrainingSession',
  { readonly sessionId: string; readonly invitees: readonly string[] }
>;

export type RecordTrainingAttendance = Command<
  'RecordTrainingAttendance',
  { readonly sessionId: string; readonly staffId: string; readonly score?: number; readonly passed?: boolean }
>;

/** The session's end came (its durable timer): whoever was invited and did not attend missed it. */
export type CloseTrainingSession = Command<'CloseTrainingSession', { readonly sessionId: string }>;

export type TrainingSessionCommand =
  ScheduleTrainingSession | InviteToTrainingSession | RecordTrainingAttendance | CloseTrainingSession;

export interface TrainingSessionContext {
  readonly now: Date;
  /** The invitees (and trainer) known as staff members of the tenant (anyone else is refused). */
  readonly knownStaff?: readonly string[];
}
