import { TRAINING_KINDS } from '@serviceops/contracts';
import { RULES, type Caller } from '@serviceops/kernel';
import { scheduleTrainingSession, type ScheduleTrainingSession } from './schedule-training-session';
import { trainingSessionDecider } from './training-session.decider';
import type { TrainingSessionContext, TrainingSessionState } from './training-session.state';

const now = new Date('2026-03-10T08:00:00.000Z');
const SESSION = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const ANNA = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BO = '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a';
const CHEN = '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b';
const caller: Caller = { actorId: CHEN, newId: SESSION };
const ctx: TrainingSessionContext = { now, knownStaff: [ANNA, BO, CHEN] };
const mapping = scheduleTrainingSession.handles?.command as (
  request: object,
  caller: Caller,
) => ScheduleTrainingSession;
const command = (data: Partial<ScheduleTrainingSession['data']> = {}): ScheduleTrainingSession => ({
  type: 'ScheduleTrainingSession',
  data: {
    sessionId: SESSION,
    kind: 'monthly_safety_study',
    topic: 'March safety study',
    startsAt: '2026-03-10T09:00:00Z',
    endsAt: '2026-03-10T10:00:00Z',
    mandatory: true,
    invitees: [ANNA],
    ...data,
  },
});

/** The refusal `decide` throws, as a plain object (code, message, details). */
function refusal(
  data: Partial<ScheduleTrainingSession['data']>,
  state: TrainingSessionState = trainingSessionDecider.initialState(),
  context = ctx,
) {
  try {
    trainingSessionDecider.decide(command(data), state, context);
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: object };
    return { code, message, details };
  }
  throw new Error('not refused');
}

describe('ScheduleTrainingSession: the request made the command', () => {
  it('serves staff.ScheduleTrainingSession', () => {
    expect(scheduleTrainingSession.handles?.rpc).toBe('staff.ScheduleTrainingSession');
  });

  it('names the session by the id made for the call, lower-cases the people’s ids and passes every field on', () => {
    const request = {
      kind: 'mentoring',
      topic: 'March safety study',
      startsAt: '2026-03-10T09:00:00Z',
      endsAt: '2026-03-10T10:00:00Z',
      mandatory: true,
      invitees: [ANNA.toUpperCase(), BO],
      trainerId: CHEN.toUpperCase(),
    };
    expect(mapping(request, caller)).toEqual(
      command({ kind: 'mentoring', invitees: [ANNA, BO], trainerId: CHEN }),
    );
  });

  it('leaves out what was not sent (proto3 leaves unset fields off): optional, nobody invited', () => {
    expect(mapping({}, caller)).toEqual({
      type: 'ScheduleTrainingSession',
      data: {
        sessionId: SESSION,
        kind: '',
        topic: '',
        startsAt: '',
        endsAt: '',
        mandatory: false,
        invitees: [],
      },
    });
  });
});

describe('ScheduleTrainingSession: what it records', () => {
  it('the trimmed topic, the instants in UTC, each invitee once and the trainer', () => {
    const [event] = trainingSessionDecider.decide(
      command({
        kind: 'mentoring',
        topic: ' pairing ',
        startsAt: '2026-03-10T17:00:00+08:00',
        mandatory: false,
        invitees: [ANNA, ANNA],
        trainerId: BO,
      }),
      trainingSessionDecider.initialState(),
      ctx,
    );
    expect(event).toEqual({
      type: 'TrainingSessionScheduled',
      data: {
        sessionId: SESSION,
        kind: 'mentoring',
        topic: 'pairing',
        startsAt: '2026-03-10T09:00:00.000Z',
        endsAt: '2026-03-10T10:00:00.000Z',
        mandatory: false,
        invitees: [ANNA],
        trainerId: BO,
        scheduledAt: now.toISOString(),
      },
    });
  });
});

describe('ScheduleTrainingSession: the session it makes', () => {
  it('is scheduled, with nobody attended or missed yet', () => {
    const events = trainingSessionDecider.decide(command(), trainingSessionDecider.initialState(), ctx);
    expect(events.reduce(trainingSessionDecider.evolve, trainingSessionDecider.initialState())).toEqual({
      sessionId: SESSION,
      kind: 'monthly_safety_study',
      topic: 'March safety study',
      startsAt: '2026-03-10T09:00:00.000Z',
      endsAt: '2026-03-10T10:00:00.000Z',
      mandatory: true,
      invitees: [ANNA],
      trainerId: null,
      status: 'scheduled',
      attended: [],
      missed: [],
    });
  });
});

describe('ScheduleTrainingSession: what each refusal says', () => {
  it('a session that exists already', () => {
    const state = trainingSessionDecider
      .decide(command(), trainingSessionDecider.initialState(), ctx)
      .reduce(trainingSessionDecider.evolve, trainingSessionDecider.initialState());
    expect(refusal({}, state)).toEqual({
      code: 'STAFF.TRAINING_SESSION_EXISTS',
      message: 'the session exists already',
      details: {},
    });
  });

  it('an unknown kind, naming every kind and the field', () => {
    expect(refusal({ kind: 'yoga' })).toEqual({
      code: 'STAFF.UNKNOWN_TRAINING_KIND',
      message: `kind must be one of ${TRAINING_KINDS.join(', ')}`,
      details: { field: 'kind' },
    });
  });

  it('a blank topic, naming the field', () => {
    expect(refusal({ topic: ' ' })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `topic ${RULES.reason.message}`,
      details: { field: 'topic' },
    });
  });

  it.each(['startsAt', 'endsAt'] as const)('a %s that is no instant, naming the field', (field) => {
    expect(refusal({ [field]: '' })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `${field} ${RULES.instant.message}`,
      details: { field },
    });
  });

  it('ending when it starts', () => {
    expect(refusal({ endsAt: '2026-03-10T09:00:00Z' })).toEqual({
      code: 'STAFF.TRAINING_ENDS_BEFORE_START',
      message: 'a session ends after it starts',
      details: { field: 'endsAt' },
    });
  });

  it('ending now', () => {
    expect(refusal({ startsAt: '2026-03-10T07:00:00Z', endsAt: now.toISOString() })).toEqual({
      code: 'STAFF.TRAINING_STARTS_IN_PAST',
      message: 'a session is scheduled before it ends',
      details: { field: 'endsAt' },
    });
  });

  it('nobody invited', () => {
    expect(refusal({ invitees: [] })).toEqual({
      code: 'STAFF.TRAINING_WITHOUT_INVITEES',
      message: 'a session invites at least one person',
      details: { field: 'invitees' },
    });
  });

  it('coaching of two', () => {
    expect(refusal({ kind: 'quality_coaching', invitees: [ANNA, BO], trainerId: CHEN })).toEqual({
      code: 'STAFF.COACHING_IS_ONE_TO_ONE',
      message: 'coaching after a quality problem is one-to-one',
      details: { field: 'invitees' },
    });
  });

  it.each(['mentoring', 'quality_coaching'])('%s without its mentor or coach', (kind) => {
    expect(refusal({ kind })).toEqual({
      code: 'STAFF.TRAINER_REQUIRED',
      message: `a ${kind} session names its mentor or coach`,
      details: { field: 'trainerId' },
    });
  });

  it('the trainer among the invitees', () => {
    expect(refusal({ invitees: [ANNA, BO], trainerId: BO })).toEqual({
      code: 'STAFF.TRAINER_AMONG_INVITEES',
      message: 'the trainer is not one of the invitees',
      details: { field: 'trainerId' },
    });
  });

  it('people who are not staff, naming each', () => {
    expect(refusal({ invitees: [ANNA] }, undefined, { now, knownStaff: [] })).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: `no staff member ${ANNA}`,
      details: { field: 'invitees' },
    });
    expect(refusal({ trainerId: BO }, undefined, { now, knownStaff: [ANNA] })).toMatchObject({
      message: `no staff member ${BO}`,
    });
  });
});
