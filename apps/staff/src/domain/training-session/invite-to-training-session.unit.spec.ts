import { inviteToTrainingSession, type InviteToTrainingSession } from './invite-to-training-session';
import type { ScheduleTrainingSession } from './schedule-training-session';
import { trainingSessionDecider } from './training-session.decider';
import type { TrainingSessionContext, TrainingSessionState } from './training-session.state';

const now = new Date('2026-03-10T08:00:00.000Z');
const SESSION = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const ANNA = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BO = '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a';
const CHEN = '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b';
const ctx: TrainingSessionContext = { now, knownStaff: [ANNA, BO, CHEN] };
const mapping = inviteToTrainingSession.handles?.command as (request: object) => InviteToTrainingSession;
const invite = (...invitees: string[]): InviteToTrainingSession => ({
  type: 'InviteToTrainingSession',
  data: { sessionId: SESSION, invitees },
});
const scheduled = (data: Partial<ScheduleTrainingSession['data']> = {}): TrainingSessionState =>
  trainingSessionDecider
    .decide(
      {
        type: 'ScheduleTrainingSession',
        data: {
          sessionId: SESSION,
          kind: 'mentoring',
          topic: 'pairing',
          startsAt: '2026-03-10T09:00:00Z',
          endsAt: '2026-03-10T10:00:00Z',
          mandatory: true,
          invitees: [ANNA],
          trainerId: CHEN,
          ...data,
        },
      },
      trainingSessionDecider.initialState(),
      ctx,
    )
    .reduce(trainingSessionDecider.evolve, trainingSessionDecider.initialState());

/** The refusal `decide` throws, as a plain object (code, message, details). */
function refusal(command: InviteToTrainingSession, state: TrainingSessionState, context = ctx) {
  try {
    trainingSessionDecider.decide(command, state, context);
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: object };
    return { code, message, details };
  }
  throw new Error('not refused');
}

describe('InviteToTrainingSession: the request made the command', () => {
  it('serves staff.InviteToTrainingSession', () => {
    expect(inviteToTrainingSession.handles?.rpc).toBe('staff.InviteToTrainingSession');
  });

  it('lower-cases the people’s ids', () => {
    expect(mapping({ id: SESSION, invitees: [BO.toUpperCase()] })).toEqual(invite(BO));
  });

  it('invites nobody when nobody was sent (proto3 leaves an empty list off)', () => {
    expect(mapping({ id: SESSION })).toEqual(invite());
  });
});

describe('InviteToTrainingSession: what it records', () => {
  it('only the people not invited yet, each once', () => {
    expect(trainingSessionDecider.decide(invite(ANNA, BO, BO), scheduled(), ctx)).toEqual([
      {
        type: 'TrainingInvitationsSent',
        data: { sessionId: SESSION, invitees: [BO], invitedAt: now.toISOString() },
      },
    ]);
    expect(trainingSessionDecider.decide(invite(ANNA), scheduled(), ctx)).toEqual([]);
  });
});

describe('InviteToTrainingSession: what each refusal says', () => {
  it('no such session', () => {
    expect(refusal(invite(BO), trainingSessionDecider.initialState())).toEqual({
      code: 'STAFF.TRAINING_SESSION_NOT_FOUND',
      message: 'no such training session',
      details: {},
    });
  });

  it('a session that has ended (at its very end)', () => {
    expect(refusal(invite(BO), scheduled(), { ...ctx, now: new Date('2026-03-10T10:00:00Z') })).toEqual({
      code: 'STAFF.TRAINING_SESSION_OVER',
      message: 'the session is over: no more invitations',
      details: {},
    });
  });

  it('a session closed before its end', () => {
    const closed = { ...scheduled(), status: 'closed' } as TrainingSessionState;
    expect(refusal(invite(BO), closed)).toMatchObject({ code: 'STAFF.TRAINING_SESSION_OVER' });
  });

  it('a coaching session', () => {
    expect(refusal(invite(BO), scheduled({ kind: 'quality_coaching' }))).toEqual({
      code: 'STAFF.COACHING_IS_ONE_TO_ONE',
      message: 'coaching after a quality problem is one-to-one',
      details: { field: 'invitees' },
    });
  });

  it('the trainer', () => {
    expect(refusal(invite(CHEN), scheduled())).toEqual({
      code: 'STAFF.TRAINER_AMONG_INVITEES',
      message: 'the trainer is not one of the invitees',
      details: { field: 'invitees' },
    });
  });

  it('someone who is not staff, naming them', () => {
    expect(refusal(invite(BO), scheduled(), { now, knownStaff: [ANNA, CHEN] })).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: `no staff member ${BO}`,
      details: { field: 'invitees' },
    });
  });
});
