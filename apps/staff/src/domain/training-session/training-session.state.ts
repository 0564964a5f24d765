export interface AbsentTrainingSession {
  readonly status: 'absent';
}

export interface TrainingSessionRecord {
  readonly status: 'scheduled' | 'closed';
  readonly sessionId: string;
  readonly kind: string;
  readonly topic: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly mandatory: boolean;
  readonly invitees: readonly string[];
  readonly trainerId: string | null;
  readonly attended: readonly string[];
  readonly missed: readonly string[];
}

export type TrainingSessionState = AbsentTrainingSession | TrainingSessionRecord;

export const initialTrainingSessionState = (): TrainingSessionState => ({ status: 'absent' });

export interface TrainingSessionContext {
  readonly now: Date;
  /** The invitees (and trainer) known as staff members of the tenant (anyone else is refused). */
  readonly knownStaff?: readonly string[];
}
