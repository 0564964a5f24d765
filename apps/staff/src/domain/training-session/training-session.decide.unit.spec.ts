import { deciderSpec } from '@serviceops/testing';
import type { ScheduleTrainingSession } from './schedule-training-session';
import type { TrainingSessionContext } from './training-session.state';
import {
  missedTrainingViolationId,
  trainingSessionDecider,
  trainingSessionStreamId,
} from './training-session.decider';
import type { TrainingSessionEvent } from './training-session.events';

const now = new Date('2026-03-10T08:00:00.000Z');
const SESSION = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const ANNA = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BO = '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a';
const context = (over: Partial<TrainingSessionContext> = {}): TrainingSessionContext => ({
  now,
  knownStaff: [ANNA, BO],
  ...over,
});
const spec = (given: readonly TrainingSessionEvent[], ctx = context()) =>
  deciderSpec(trainingSessionDecider, ctx).given(given);

const schedule = (over: Partial<ScheduleTrainingSession['data']> = {}): ScheduleTrainingSession => ({
  type: 'ScheduleTrainingSession',
  data: {
    sessionId: SESSION,
    kind: 'monthly_safety_study',
    topic: ' March safety study ',
    startsAt: '2026-03-10T09:00:00+08:00',
    endsAt: '2026-03-10T10:00:00.000Z',
    mandatory: true,
    invitees: [ANNA, BO, ANNA],
    ...over,
  },
});
const scheduled: TrainingSessionEvent = {
  type: 'TrainingSessionScheduled',
  data: {
    sessionId: SESSION,
    kind: 'monthly_safety_study',
    topic: 'March safety study',
    startsAt: '2026-03-10T01:00:00.000Z',
    endsAt: '2026-03-10T10:00:00.000Z',
    mandatory: true,
    invitees: [ANNA, BO],
    trainerId: null,
    scheduledAt: now.toISOString(),
  },
};
const attended = (staffId: string): TrainingSessionEvent => ({
  type: 'TrainingAttended',
  data: { sessionId: SESSION, staffId, score: null, passed: null, recordedAt: now.toISOString() },
});
const close = { type: 'CloseTrainingSession', data: { sessionId: SESSION } } as const;

describe('ScheduleTrainingSession', () => {
  it('schedules the session, each invitee once, the times in UTC', () => {
    spec([]).when(schedule()).then([scheduled]);
  });

  it.each([
    'onboarding_company_rules',
    'onboarding_traffic_law_and_safety',
    'onboarding_service_norms',
    'onboarding_communication',
    'onboarding_emotion_management',
    'periodic',
    'monthly_safety_study',
  ])('takes the kind %s', (kind) => {
    expect(trainingSessionDecider.decide(schedule({ kind }), { status: 'absent' }, context())).toHaveLength(
      1,
    );
  });

  it('takes one-to-one coaching after a quality problem, with one invitee and the coach', () => {
    expect(
      trainingSessionDecider.decide(
        schedule({ kind: 'quality_coaching', invitees: [BO], trainerId: ANNA }),
        { status: 'absent' },
        context(),
      ),
    ).toHaveLength(1);
  });

  it.each<[string, ScheduleTrainingSession, TrainingSessionContext, string]>([
    ['an unknown kind', schedule({ kind: 'yoga' }), context(), 'STAFF.UNKNOWN_TRAINING_KIND'],
    ['no topic', schedule({ topic: ' ' }), context(), 'STAFF.INVALID_TEXT'],
    ['a start that is no instant', schedule({ startsAt: 'soon' }), context(), 'STAFF.INVALID_TEXT'],
    [
      'an end at its start',
      schedule({ startsAt: '2026-03-10T10:00:00Z' }),
      context(),
      'STAFF.TRAINING_ENDS_BEFORE_START',
    ],
    [
      'an end already past',
      schedule({ startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-10T08:00:00Z' }),
      context(),
      'STAFF.TRAINING_STARTS_IN_PAST',
    ],
    ['no invitees', schedule({ invitees: [] }), context(), 'STAFF.TRAINING_WITHOUT_INVITEES'],
    [
      'mentoring without a mentor',
      schedule({ kind: 'mentoring', invitees: [BO] }),
      context(),
      'STAFF.TRAINER_REQUIRED',
    ],
    [
      'coaching without a coach',
      schedule({ kind: 'quality_coaching', invitees: [BO] }),
      context(),
      'STAFF.TRAINER_REQUIRED',
    ],
    [
      'a trainer among the invitees',
      schedule({ trainerId: ANNA }),
      context(),
      'STAFF.TRAINER_AMONG_INVITEES',
    ],
    [
      'a trainer who is not staff',
      schedule({ kind: 'mentoring', invitees: [BO], trainerId: ANNA }),
      context({ knownStaff: [BO] }),
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    ],
    [
      'coaching for two',
      schedule({
        kind: 'quality_coaching',
        invitees: [ANNA, BO],
        trainerId: '2d9e1c56-7d90-4e30-9c5c-3f4a5e6d7c8b',
      }),
      context(),
      'STAFF.COACHING_IS_ONE_TO_ONE',
    ],
    [
      'an invitee who is not staff',
      schedule(),
      context({ knownStaff: [ANNA] }),
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    ],
  ])('refuses %s', (_why, command, ctx, code) => {
    spec([], ctx).when(command).thenThrows(code);
  });

  it('refuses a session scheduled twice', () => {
    spec([scheduled]).when(schedule()).thenThrows('STAFF.TRAINING_SESSION_EXISTS');
  });
});

describe('InviteToTrainingSession', () => {
  const CY = '2d9e1c56-7d90-4e30-9c5c-3f4a5e6d7c8b';
  const invite = (invitees: string[]) =>
    ({ type: 'InviteToTrainingSession', data: { sessionId: SESSION, invitees } }) as const;
  const known = context({ knownStaff: [ANNA, BO, CY] });

  it('invites the new ones only', () => {
    spec([scheduled], known)
      .when(invite([ANNA, CY, CY]))
      .then([
        {
          type: 'TrainingInvitationsSent',
          data: { sessionId: SESSION, invitees: [CY], invitedAt: now.toISOString() },
        },
      ]);
  });

  it('records nothing when everyone is invited already', () => {
    spec([scheduled], known)
      .when(invite([ANNA, BO]))
      .then([]);
  });

  it('lets a newly invited person attend, and counts them as missing otherwise', () => {
    const invited = trainingSessionDecider.decide(invite([CY]), fold([scheduled]), known);
    const closed = trainingSessionDecider.decide(close, fold([scheduled, ...invited]), known);
    expect(closed[0]?.data).toMatchObject({ missed: [ANNA, BO, CY] });
  });

  it.each<[string, TrainingSessionEvent[], TrainingSessionContext, string]>([
    ['someone not on the staff', [scheduled], context(), 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    [
      'at the session’s end',
      [scheduled],
      context({ knownStaff: [CY], now: new Date('2026-03-10T10:00:00.000Z') }),
      'STAFF.TRAINING_SESSION_OVER',
    ],
    ['to no session', [], known, 'STAFF.TRAINING_SESSION_NOT_FOUND'],
  ])('refuses inviting %s', (_why, given, ctx, code) => {
    spec(given, ctx)
      .when(invite([CY]))
      .thenThrows(code);
  });

  it('keeps coaching one-to-one', () => {
    const coaching: TrainingSessionEvent = {
      ...scheduled,
      data: { ...(scheduled.data as object), kind: 'quality_coaching', invitees: [ANNA], trainerId: BO },
    } as TrainingSessionEvent;
    spec([coaching], known)
      .when(invite([CY]))
      .thenThrows('STAFF.COACHING_IS_ONE_TO_ONE');
  });
});

describe('RecordTrainingAttendance', () => {
  const attend = (staffId: string, result: { score?: number; passed?: boolean } = {}) =>
    ({ type: 'RecordTrainingAttendance', data: { sessionId: SESSION, staffId, ...result } }) as const;

  it('records an invitee’s attendance and result', () => {
    spec([scheduled])
      .when(attend(ANNA, { score: 85, passed: true }))
      .then([
        {
          type: 'TrainingAttended',
          data: { sessionId: SESSION, staffId: ANNA, score: 85, passed: true, recordedAt: now.toISOString() },
        },
      ]);
  });

  it.each([0, 100])('takes a score of %d', (score) => {
    expect(trainingSessionDecider.decide(attend(ANNA, { score }), fold([scheduled]), context())).toHaveLength(
      1,
    );
  });

  it.each<[string, TrainingSessionEvent[], ReturnType<typeof attend>, TrainingSessionContext, string]>([
    ['an unknown session', [], attend(ANNA), context(), 'STAFF.TRAINING_SESSION_NOT_FOUND'],
    [
      'someone not invited',
      [scheduled],
      attend('2d9e1c56-7d90-4e30-9c5c-3f4a5e6d7c8b'),
      context(),
      'STAFF.NOT_INVITED',
    ],
    [
      'before the session starts',
      [scheduled],
      attend(ANNA),
      context({ now: new Date('2026-03-10T00:59:59.999Z') }),
      'STAFF.TRAINING_NOT_STARTED',
    ],
    ['twice', [scheduled, attended(ANNA)], attend(ANNA), context(), 'STAFF.ATTENDANCE_ALREADY_RECORDED'],
    [
      'a score over 100',
      [scheduled],
      attend(ANNA, { score: 101 }),
      context(),
      'STAFF.TRAINING_SCORE_OUT_OF_RANGE',
    ],
    [
      'a negative score',
      [scheduled],
      attend(ANNA, { score: -1 }),
      context(),
      'STAFF.TRAINING_SCORE_OUT_OF_RANGE',
    ],
    [
      'after the session closed',
      [scheduled, ...trainingSessionDecider.decide(close, fold([scheduled]), context())],
      attend(ANNA),
      context(),
      'STAFF.TRAINING_SESSION_CLOSED',
    ],
  ])('refuses attendance for %s', (_why, given, command, ctx, code) => {
    spec(given, ctx).when(command).thenThrows(code);
  });
});

function fold(events: readonly TrainingSessionEvent[]) {
  return events.reduce(trainingSessionDecider.evolve, trainingSessionDecider.initialState());
}

describe('CloseTrainingSession (the durable timer at the session’s end)', () => {
  it.each<[string, TrainingSessionEvent[], string[]]>([
    ['nobody came: both missed it', [scheduled], [ANNA, BO]],
    ['one came: the other missed it', [scheduled, attended(ANNA)], [BO]],
    ['everyone came: nobody missed it', [scheduled, attended(ANNA), attended(BO)], []],
  ])('%s', (_why, given, missed) => {
    spec(given)
      .when(close)
      .then([
        {
          type: 'TrainingSessionClosed',
          data: { sessionId: SESSION, closedAt: now.toISOString(), mandatory: true, missed },
        },
      ]);
  });

  it('closes once: the timer run again records nothing', () => {
    const closed = trainingSessionDecider.decide(close, fold([scheduled]), context());
    spec([scheduled, ...closed])
      .when(close)
      .then([]);
  });

  it('derives the same violation id for a session and person every time, and another for anyone else', () => {
    const id = missedTrainingViolationId(SESSION, ANNA);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(missedTrainingViolationId(SESSION, ANNA)).toBe(id);
    expect(missedTrainingViolationId(SESSION, BO)).not.toBe(id);
    expect(missedTrainingViolationId('6e1d4f1b-2a3c-4d4e-9f50-6b7c8d9e0f1a', ANNA)).not.toBe(id);
  });

  it('keeps one stream per session', () => {
    expect(trainingSessionStreamId('t1', SESSION)).toBe(`training-session-t1-${SESSION}`);
  });
});
