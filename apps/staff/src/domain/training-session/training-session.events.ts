// Each event is declared with the use case that records it (schedule-training-session.ts, …); the union is
// derived from the list of use cases (training-session.decider.ts).
export type { TrainingSessionEvent } from './training-session.decider';
export type { TrainingSessionScheduled } from './schedule-training-session';
export type { TrainingInvitationsSent } from './invite-to-training-session';
export type { TrainingAttended } from './record-training-attendance';
export type { TrainingSessionClosed } from './close-training-session';
