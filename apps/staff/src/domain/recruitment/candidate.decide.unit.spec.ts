import { deciderSpec } from '@serviceops/testing';
import type { CandidateApplied } from './apply-for-posting';
import { candidateDecider, type CandidateCommand, type CandidateEvent } from './candidate.decider';
import { REJECTED_CANDIDATE_RETENTION_DAYS } from './candidate.rules';
import type { CandidateContext, RecruitmentStep } from './candidate.state';
import { unmetCriteria } from './record-recruitment-step';
import type { PostingState } from './posting.state';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const POSTING = '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a';
const BRANCH = '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b';
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';

const posting: PostingState = {
  status: 'active',
  postingId: POSTING,
  role: 'coach',
  branchId: BRANCH,
  businessLine: 'driving_practice',
  title: 'Driving coach',
  criteria: { minDrivingYears: 3, minEducation: 'secondary', cleanRecord: true },
  openedAt: at,
};
const ctx: CandidateContext = { now, posting };
const spec = (given: readonly CandidateEvent[], context: CandidateContext = ctx) =>
  deciderSpec(candidateDecider, context).given(given);

const applied: CandidateApplied = {
  type: 'CandidateApplied',
  data: {
    candidateId: ID,
    postingId: POSTING,
    role: 'coach',
    branchId: BRANCH,
    businessLine: 'driving_practice',
    criteria: posting.criteria,
    name: 'Zhang Wei',
    phone: '+86 139 1234 5678',
    idNumber: '110105199001010011',
    drivingYears: 5,
    education: 'college',
    cleanRecord: true,
    appliedAt: at,
  },
};
const passed = (step: RecruitmentStep, extra: object = {}): CandidateEvent => ({
  type: 'RecruitmentStepRecorded',
  data: { candidateId: ID, step, passed: true, ...extra, recordedAt: at },
});
const throughExam: CandidateEvent[] = [
  applied,
  passed('screening'),
  passed('interview', { interviewMode: 'online' }),
  passed('practical_test', { practicalTest: 'test_drive' }),
  passed('onboarding_training'),
  passed('exam'),
];
const step = (s: RecruitmentStep, extra: object = {}): CandidateCommand => ({
  type: 'RecordRecruitmentStep',
  data: { candidateId: ID, step: s, ...extra },
});
const hire: CandidateCommand = {
  type: 'HireCandidate',
  data: { candidateId: ID, staffId: STAFF, payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } } },
};

describe('ApplyForPosting', () => {
  const apply = (extra: object = {}): CandidateCommand => ({
    type: 'ApplyForPosting',
    data: {
      candidateId: ID,
      postingId: POSTING,
      name: ' Zhang Wei ',
      phone: '+86 139 1234 5678',
      idNumber: '110105-19900101-0011',
      drivingYears: 5,
      education: 'college',
      cleanRecord: true,
      ...extra,
    },
  });

  it('records CandidateApplied with the posting’s role, branch, line and criteria copied in, name trimmed, ID normalised', () => {
    spec([]).when(apply()).then([applied]);
  });

  it.each([
    ['the posting does not exist', {}, { now }, 'STAFF.POSTING_NOT_FOUND'],
    ['the name is blank', { name: '  ' }, ctx, 'STAFF.NAME_REJECTED'],
    ['the phone is not one', { phone: 'call me' }, ctx, 'STAFF.PHONE_REJECTED'],
    ['the ID number is too short', { idNumber: '12' }, ctx, 'STAFF.ID_NUMBER_REJECTED'],
    ['driving years are negative', { drivingYears: -1 }, ctx, 'STAFF.DRIVING_YEARS_OUT_OF_RANGE'],
    ['driving years exceed 60', { drivingYears: 61 }, ctx, 'STAFF.DRIVING_YEARS_OUT_OF_RANGE'],
  ] as const)('refuses when %s', (_what, extra, context, code) => {
    spec([], context).when(apply(extra)).thenThrows(code);
  });

  it('accepts 0 and 60 years of driving', () => {
    expect(() =>
      candidateDecider.decide(apply({ drivingYears: 0 }), { status: 'absent' }, ctx),
    ).not.toThrow();
    expect(() =>
      candidateDecider.decide(apply({ drivingYears: 60 }), { status: 'absent' }, ctx),
    ).not.toThrow();
  });

  it('refuses a second application on the same stream', () => {
    spec([applied]).when(apply()).thenThrows('STAFF.CANDIDATE_EXISTS');
  });
});

describe('screening against the posting’s criteria', () => {
  it.each([
    ['exactly the driving years asked', { drivingYears: 3 }, []],
    ['a year short of them', { drivingYears: 2 }, ['driving years 2 < 3 required']],
    ['no driving years stated', { drivingYears: undefined }, ['driving years 0 < 3 required']],
    ['exactly the education asked', { education: 'secondary' }, []],
    ['one level below it', { education: 'primary' }, ['education primary below secondary']],
    ['no education stated', { education: undefined }, ['education not stated below secondary']],
    ['no clean record', { cleanRecord: false }, ['a clean record is required']],
    ['the clean record not stated', { cleanRecord: undefined }, ['a clean record is required']],
  ] as const)('%s: %j unmet', (_what, change, unmet) => {
    expect(unmetCriteria(posting.criteria, { ...applied.data, ...change })).toEqual(unmet);
  });

  it('asks nothing when the posting has no criteria', () => {
    expect(unmetCriteria({}, { cleanRecord: false })).toEqual([]);
  });

  it('passes a candidate who meets every criterion', () => {
    spec([applied])
      .when(step('screening'))
      .then([passed('screening')]);
  });

  it('rejects one who does not, with the unmet criteria as the reason (whatever the screener said)', () => {
    const short = { ...applied, data: { ...applied.data, drivingYears: 1, cleanRecord: false } };
    spec([short])
      .when(step('screening', { passed: true }))
      .then([
        {
          type: 'RecruitmentStepRecorded',
          data: {
            candidateId: ID,
            step: 'screening',
            passed: false,
            reason: 'driving years 1 < 3 required; a clean record is required',
            recordedAt: at,
          },
        },
      ]);
  });

  it('lets a screener reject one who meets the criteria, with a reason', () => {
    spec([applied])
      .when(step('screening', { passed: false, reason: 'references did not check out' }))
      .then([
        {
          type: 'RecruitmentStepRecorded',
          data: {
            candidateId: ID,
            step: 'screening',
            passed: false,
            reason: 'references did not check out',
            recordedAt: at,
          },
        },
      ]);
  });
});

describe('the steps in order', () => {
  it.each([
    [
      'interview before screening',
      [applied],
      step('interview', { passed: true, interviewMode: 'online' }),
      'STAFF.SCREENING_EXPECTED',
    ],
    [
      'the exam right after screening',
      [applied, passed('screening')],
      step('exam', { passed: true }),
      'STAFF.INTERVIEW_EXPECTED',
    ],
    ['screening twice', [applied, passed('screening')], step('screening'), 'STAFF.INTERVIEW_EXPECTED'],
    ['hiring before the exam', throughExam.slice(0, 5), hire, 'STAFF.EXAM_EXPECTED'],
    ['hiring right after applying', [applied], hire, 'STAFF.SCREENING_EXPECTED'],
    ['an exam after the exam', throughExam, step('exam', { passed: true }), 'STAFF.HIRE_EXPECTED'],
  ] as const)('refuses %s, naming the step due', (_what, given, command, code) => {
    spec(given).when(command).thenThrows(code);
  });

  it('says which step is due in the error details', () => {
    expect(() =>
      candidateDecider.decide(hire, [applied].reduce(candidateDecider.evolve, { status: 'absent' }), ctx),
    ).toThrow(expect.objectContaining({ details: { expectedStep: 'screening', field: 'step' } }) as Error);
  });

  it.each([
    [
      'a step with no result',
      [applied, passed('screening')],
      step('interview', { interviewMode: 'online' }),
      'STAFF.STEP_RESULT_MISSING',
    ],
    [
      'a rejection without a reason',
      [applied, passed('screening')],
      step('interview', { passed: false, interviewMode: 'online' }),
      'STAFF.REJECTION_REASON_MISSING',
    ],
    [
      'an interview neither online nor on site',
      [applied, passed('screening')],
      step('interview', { passed: true }),
      'STAFF.INTERVIEW_MODE_MISSING',
    ],
    [
      'a rating of 0',
      [applied, passed('screening')],
      step('interview', { passed: true, interviewMode: 'online', ratings: [{ aspect: 'manner', score: 0 }] }),
      'STAFF.RATING_OUT_OF_RANGE',
    ],
    [
      'a rating of 6',
      [applied, passed('screening')],
      step('interview', { passed: true, interviewMode: 'online', ratings: [{ aspect: 'manner', score: 6 }] }),
      'STAFF.RATING_OUT_OF_RANGE',
    ],
    [
      'a practical test without its kind',
      throughExam.slice(0, 3),
      step('practical_test', { passed: true }),
      'STAFF.PRACTICAL_TEST_MISSING',
    ],
    [
      'a score of 101',
      throughExam.slice(0, 5),
      step('exam', { passed: true, score: 101 }),
      'STAFF.SCORE_OUT_OF_RANGE',
    ],
    [
      'a score of -1',
      throughExam.slice(0, 5),
      step('exam', { passed: true, score: -1 }),
      'STAFF.SCORE_OUT_OF_RANGE',
    ],
    [
      'an interview mode on the exam',
      throughExam.slice(0, 5),
      step('exam', { passed: true, interviewMode: 'online' }),
      'STAFF.DETAIL_OF_ANOTHER_STEP',
    ],
    [
      'a step for a rejected candidate',
      [
        applied,
        {
          type: 'RecruitmentStepRecorded',
          data: { candidateId: ID, step: 'screening', passed: false, reason: 'no', recordedAt: at },
        },
      ],
      step('interview', { passed: true, interviewMode: 'online' }),
      'STAFF.CANDIDATE_REJECTED',
    ],
    ['a step for nobody', [], step('screening'), 'STAFF.CANDIDATE_NOT_FOUND'],
  ] as const)('refuses %s', (_what, given, command, code) => {
    spec(given).when(command).thenThrows(code);
  });

  it.each([
    [
      'ratings 1 and 5',
      {
        ratings: [
          { aspect: 'a', score: 1 },
          { aspect: 'b', score: 5 },
        ],
      },
    ],
    ['score 0', { score: 0 }],
    ['score 100', { score: 100 }],
  ])('accepts interview %s', (_what, extra) => {
    spec([applied, passed('screening')])
      .when(step('interview', { passed: true, interviewMode: 'on_site', ...extra }))
      .then([passed('interview', { interviewMode: 'on_site', ...extra })]);
  });
});

describe('HireCandidate', () => {
  it('hires a candidate who passed the exam', () => {
    spec(throughExam)
      .when(hire)
      .then([{ type: 'CandidateHired', data: { candidateId: ID, staffId: STAFF, hiredAt: at } }]);
  });

  it('refuses a second hire', () => {
    spec([...throughExam, { type: 'CandidateHired', data: { candidateId: ID, staffId: STAFF, hiredAt: at } }])
      .when(hire)
      .thenThrows('STAFF.CANDIDATE_ALREADY_HIRED');
  });

  it('refuses one who failed the exam', () => {
    const failed: CandidateEvent = {
      type: 'RecruitmentStepRecorded',
      data: { candidateId: ID, step: 'exam', passed: false, reason: 'scored 40', recordedAt: at },
    };
    spec([...throughExam.slice(0, 5), failed])
      .when(hire)
      .thenThrows('STAFF.CANDIDATE_REJECTED');
  });
});

describe('EraseCandidate', () => {
  const rejected: CandidateEvent = {
    type: 'RecruitmentStepRecorded',
    data: { candidateId: ID, step: 'screening', passed: false, reason: 'no', recordedAt: at },
  };
  const erased: CandidateEvent = { type: 'CandidateErased', data: { candidateId: ID, erasedAt: at } };
  const erase = (retentionDays?: number): CandidateCommand => ({
    type: 'EraseCandidate',
    data: { candidateId: ID, ...(retentionDays !== undefined ? { retentionDays } : {}) },
  });
  const DAY = 86_400_000;
  const after = (ms: number): CandidateContext => ({ now: new Date(now.getTime() + ms) });

  it('erases at the candidate’s request, whatever their step, and then nothing more', () => {
    spec([applied]).when(erase()).then([erased]);
    spec([applied, erased]).when(erase()).then([]);
  });

  it('keeps a rejected candidate 180 days after the rejection, and erases them then', () => {
    expect(REJECTED_CANDIDATE_RETENTION_DAYS).toBe(180);
    spec([applied, rejected], after(180 * DAY - 1))
      .when(erase(180))
      .then([]);
    spec([applied, rejected], after(180 * DAY))
      .when(erase(180))
      .then([
        {
          type: 'CandidateErased',
          data: { candidateId: ID, erasedAt: new Date(now.getTime() + 180 * DAY).toISOString() },
        },
      ]);
  });

  it('never erases by retention one who was not rejected', () => {
    spec([applied], after(400 * DAY))
      .when(erase(180))
      .then([]);
  });

  it('refuses every step of an erased candidate, and erasing nobody', () => {
    spec([applied, erased]).when(step('screening')).thenThrows('STAFF.CANDIDATE_ERASED');
    spec([]).when(erase()).thenThrows('STAFF.CANDIDATE_NOT_FOUND');
  });

  it('forgets the personal fields in the state', () => {
    const state = [applied, erased].reduce(candidateDecider.evolve, candidateDecider.initialState());
    expect(state).toMatchObject({ status: 'erased', name: '', phone: '', erasedAt: at });
    expect(state).not.toHaveProperty('idNumber');
  });
});
