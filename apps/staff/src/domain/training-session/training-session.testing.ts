import { deciderSpec } from '@serviceops/testing';
import { trainingSessionDecider, type TrainingSessionEvent } from './training-session.decider';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-03-10T08:00:00.000Z');
export const ID = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
/** A training session is named by `sessionId` in its commands and events (the generator reads it here). */
export const ID_FIELD = 'sessionId';
const ANNA = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BO = '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a';
/** Both invitees known as staff members of the tenant. */
export const spec = (given: readonly TrainingSessionEvent[]) =>
  deciderSpec(trainingSessionDecider, { now, knownStaff: [ANNA, BO] }).given(given);

/** A session as scheduling starts it: the history the other commands are decided on. */
export const started: TrainingSessionEvent[] = [
  {
    type: 'TrainingSessionScheduled',
    data: {
      sessionId: ID,
      kind: 'monthly_safety_study',
      topic: 'March safety study',
      startsAt: '2026-03-10T01:00:00.000Z',
      endsAt: '2026-03-10T10:00:00.000Z',
      mandatory: true,
      invitees: [ANNA, BO],
      trainerId: null,
      scheduledAt: now.toISOString(),
    },
  },
];
