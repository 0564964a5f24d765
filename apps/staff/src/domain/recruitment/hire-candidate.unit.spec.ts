import type { Caller } from '@serviceops/kernel';
import { applyForPosting } from './apply-for-posting';
import { candidateDecider, type CandidateEvent } from './candidate.decider';
import type { CandidateContext, CandidateState, RecruitmentStep } from './candidate.state';
import { hireCandidate, type HireCandidate } from './hire-candidate';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const caller: Caller = { actorId: '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b', newId: STAFF };
const ctx: CandidateContext = { now };
const mapping = hireCandidate.handles?.command as (request: object, caller: Caller) => HireCandidate;
const hire: HireCandidate = {
  type: 'HireCandidate',
  data: { candidateId: ID, staffId: STAFF, payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } } },
};

const applied = applyForPosting.decide(
  {
    type: 'ApplyForPosting',
    data: { candidateId: ID, postingId: ID, name: 'Zhang Wei', phone: '+86 139 1234 5678' },
  },
  { status: 'absent' },
  {
    now,
    posting: {
      status: 'active',
      postingId: ID,
      role: 'coach',
      branchId: ID,
      businessLine: 'driving_practice',
      title: 'Coach',
      criteria: {},
      openedAt: at,
    },
  },
);
const recorded = (step: RecruitmentStep, passed = true, extra: object = {}): CandidateEvent => ({
  type: 'RecruitmentStepRecorded',
  data: { candidateId: ID, step, passed, ...(passed ? {} : { reason: 'no' }), ...extra, recordedAt: at },
});
const throughExam: CandidateEvent[] = [
  ...applied,
  recorded('screening'),
  recorded('interview', true, { interviewMode: 'online' }),
  recorded('practical_test', true, { practicalTest: 'test_drive' }),
  recorded('onboarding_training'),
  recorded('exam'),
];
const stateOf = (events: readonly CandidateEvent[]): CandidateState =>
  events.reduce(candidateDecider.evolve, candidateDecider.initialState());

/** The refusal `decide` throws on the state `given` makes, as a plain object (code, message, details). */
function refusal(given: readonly CandidateEvent[]) {
  try {
    candidateDecider.decide(hire, stateOf(given), ctx);
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: object };
    return { code, message, details };
  }
  throw new Error('not refused');
}

describe('HireCandidate: the request made the command', () => {
  it('serves staff.HireCandidate', () => {
    expect(hireCandidate.handles?.rpc).toBe('staff.HireCandidate');
  });

  it('names the new staff member by the id made for the call, with the pay (int64 as a string) and login', () => {
    const request = {
      id: ID,
      payTerms: { dailyPay: { amount: '30000', currency: 'CNY' } },
      login: { username: 'zhang.wei' },
    };
    expect(mapping(request, caller)).toEqual({ ...hire, data: { ...hire.data, loginUsername: 'zhang.wei' } });
  });

  it('leaves out what was not sent: no pay is 0 and no currency (refused on the hire), no login', () => {
    const bare = {
      type: 'HireCandidate',
      data: { candidateId: ID, staffId: STAFF, payTerms: { dailyPay: { amount: 0, currency: '' } } },
    };
    expect(mapping({ id: ID }, caller)).toEqual(bare);
    expect(mapping({ id: ID, payTerms: {}, login: {} }, caller)).toEqual(bare);
  });
});

describe('HireCandidate: what it records', () => {
  it('the candidate hired as the new staff member, and when', () => {
    const events = candidateDecider.decide(hire, stateOf(throughExam), ctx);
    expect(events).toEqual([
      { type: 'CandidateHired', data: { candidateId: ID, staffId: STAFF, hiredAt: at } },
    ]);
    expect(stateOf([...throughExam, ...events])).toMatchObject({
      status: 'hired',
      staffId: STAFF,
      updatedAt: at,
    });
  });
});

describe('HireCandidate: what each refusal says', () => {
  it('nobody to hire', () => {
    expect(refusal([])).toEqual({
      code: 'STAFF.CANDIDATE_NOT_FOUND',
      message: 'no such candidate',
      details: {},
    });
  });

  it('a candidate hired already', () => {
    expect(
      refusal([
        ...throughExam,
        { type: 'CandidateHired', data: { candidateId: ID, staffId: STAFF, hiredAt: at } },
      ]),
    ).toEqual({
      code: 'STAFF.CANDIDATE_ALREADY_HIRED',
      message: 'the candidate was hired already',
      details: {},
    });
  });

  it('a rejected candidate', () => {
    expect(refusal([...applied, recorded('screening', false)])).toEqual({
      code: 'STAFF.CANDIDATE_REJECTED',
      message: 'the candidate was rejected; their candidacy is over',
      details: {},
    });
  });

  it('an erased candidate', () => {
    expect(
      refusal([...applied, { type: 'CandidateErased', data: { candidateId: ID, erasedAt: at } }]),
    ).toEqual({
      code: 'STAFF.CANDIDATE_ERASED',
      message: 'the candidate’s personal data was erased',
      details: {},
    });
  });

  it.each<[string, number, RecruitmentStep, string]>([
    ['right after applying', 1, 'screening', 'screening'],
    ['after the practical test', 4, 'onboarding_training', 'onboarding training'],
    ['before the exam', 5, 'exam', 'exam'],
  ])('a hire %s, naming the step due', (_why, events, due, said) => {
    expect(refusal(throughExam.slice(0, events))).toEqual({
      code: `STAFF.${due.toUpperCase()}_EXPECTED`,
      message: `steps cannot be skipped or repeated: ${said} is due, not hire`,
      details: { expectedStep: due, field: 'step' },
    });
  });
});
