import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

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

export type TrainingInvitationsSent = Event<
  'TrainingInvitationsSent',
  { sessionId: string; invitees: string[]; invitedAt: string }
>;

export type TrainingAttended = Event<
  'TrainingAttended',
  { sessionId: string; staffId: string; score: number | null; passed: boolean | null; recordedAt: string }
>;

/** The session ended: who missed it (a mandatory one: each becomes a violation). */
export type TrainingSessionClosed = Event<
  'TrainingSessionClosed',
  { sessionId: string; closedAt: string; mandatory: boolean; missed: string[] }
>;

export type TrainingSessionEvent =
  TrainingSessionScheduled | TrainingInvitationsSent | TrainingAttended | TrainingSessionClosed;
