import { deciderSpec } from '@serviceops/testing';
import { assessPeriod, type AssessPeriod } from './assess-period';
import { assessmentDecider, assessmentStreamId, type AssessmentEvent } from './assessment.decider';
import { assessmentPolicyDecider } from './assessment-policy.decider';
import {
  DEFAULT_ASSESSMENT_POLICY,
  validateAssessmentPolicy,
  type AssessmentPolicy,
} from './assessment.policy';
import { periodOf } from './assessment.period';
import {
  assess,
  gradeOf,
  kpiScores,
  PENALTY,
  weightedScore,
  type KpiScores,
  type StaffPeriodFacts,
} from './assessment.scoring';

const none: Omit<StaffPeriodFacts, 'staffId'> = {
  role: 'technician',
  branchId: 'b1',
  inspections: [],
  surveys: [],
  safetyIncidents: 0,
  violations: 0,
  lateArrivals: 0,
  absences: 0,
  knowledgeTests: [],
  trainingsAttended: 0,
  trainingsMissed: 0,
};
const facts = (staffId: string, over: Partial<StaffPeriodFacts> = {}): StaffPeriodFacts => ({
  staffId,
  ...none,
  ...over,
});
const only = (kind: keyof AssessmentPolicy['weights']): AssessmentPolicy['weights'] => ({
  serviceQuality: 0,
  customerSatisfaction: 0,
  safety: 0,
  discipline: 0,
  knowledge: 0,
  training: 0,
  [kind]: 1,
});

describe('KPIs from the period’s events', () => {
  it.each<[string, Partial<StaffPeriodFacts>, Partial<KpiScores>]>([
    [
      'nothing happened: safety and discipline full, the rest without data',
      {},
      {
        serviceQuality: null,
        customerSatisfaction: null,
        safety: 100,
        discipline: 100,
        knowledge: null,
        training: null,
      },
    ],
    ['inspections average', { inspections: [80, 91] }, { serviceQuality: 85.5 }],
    ['surveys on the 4-level scale', { surveys: [4, 3] }, { customerSatisfaction: 87.5 }],
    ['one safety incident', { safetyIncidents: 1 }, { safety: 100 - PENALTY.safetyIncident }],
    ['five safety incidents: not below 0', { safetyIncidents: 5 }, { safety: 0 }],
    ['two violations', { violations: 2 }, { discipline: 100 - 2 * PENALTY.violation }],
    [
      'a late arrival and an absence',
      { lateArrivals: 1, absences: 1 },
      {
        discipline: 100 - PENALTY.lateArrival - PENALTY.absence,
      },
    ],
    ['knowledge tests average', { knowledgeTests: [70, 75, 80] }, { knowledge: 75 }],
    ['two of three trainings attended', { trainingsAttended: 2, trainingsMissed: 1 }, { training: 66.67 }],
  ])('%s', (_why, over, expected) => {
    expect(kpiScores(facts('s', over))).toMatchObject(expected);
  });

  it('penalises 25 points an incident, 10 a violation, 5 a late arrival, 20 an absence', () => {
    expect(PENALTY).toEqual({ safetyIncident: 25, violation: 10, lateArrival: 5, absence: 20 });
  });
});

describe('weighting', () => {
  const kpis: KpiScores = {
    serviceQuality: 80,
    customerSatisfaction: 90,
    safety: 100,
    discipline: 70,
    knowledge: 60,
    training: null,
  };
  it.each<[string, AssessmentPolicy['weights'], number]>([
    ['the default weights (training has no data: left out)', DEFAULT_ASSESSMENT_POLICY.weights, 82.22],
    ['only service quality', only('serviceQuality'), 80],
    ['only satisfaction', only('customerSatisfaction'), 90],
    ['only discipline', only('discipline'), 70],
    ['only training, which has no data: 0', only('training'), 0],
    ['quality 3 : discipline 1', { ...only('serviceQuality'), serviceQuality: 3, discipline: 1 }, 77.5],
  ])('%s', (_why, weights, score) => {
    expect(weightedScore(kpis, weights)).toBe(score);
  });

  it('defaults to 25/25/15/15/10/10 and grades A ≥ 90, B ≥ 75, C ≥ 60', () => {
    expect(DEFAULT_ASSESSMENT_POLICY).toEqual({
      weights: {
        serviceQuality: 25,
        customerSatisfaction: 25,
        safety: 15,
        discipline: 15,
        knowledge: 10,
        training: 10,
      },
      grades: { a: 90, b: 75, c: 60 },
      outcomes: {
        top: ['bonus', 'certificate', 'promotion_priority'],
        failing: ['training_plan', 'warning'],
      },
    });
  });
});

describe('grades', () => {
  it.each<[number, string]>([
    [100, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [60, 'C'],
    [59.99, 'D'],
    [0, 'D'],
  ])('%d is %s', (score, grade) => {
    expect(gradeOf(score, DEFAULT_ASSESSMENT_POLICY.grades)).toBe(grade);
  });
});

describe('ranking within role and branch, with ties', () => {
  const policy: AssessmentPolicy = { ...DEFAULT_ASSESSMENT_POLICY, weights: only('serviceQuality') };
  const ranks = (people: StaffPeriodFacts[]) =>
    assess(people, policy).map((r) => [r.staffId, r.rank, r.grade, r.outcomes.join(',')]);

  it.each<[string, StaffPeriodFacts[], (string | number)[][]]>([
    [
      'distinct scores rank 1, 2, 3',
      [
        facts('c', { inspections: [70] }),
        facts('a', { inspections: [95] }),
        facts('b', { inspections: [80] }),
      ],
      [
        ['a', 1, 'A', 'bonus,certificate,promotion_priority'],
        ['b', 2, 'B', ''],
        ['c', 3, 'C', ''],
      ],
    ],
    [
      'a tie for first: both first, the next is third',
      [
        facts('b', { inspections: [95] }),
        facts('a', { inspections: [95] }),
        facts('c', { inspections: [50] }),
      ],
      [
        ['a', 1, 'A', 'bonus,certificate,promotion_priority'],
        ['b', 1, 'A', 'bonus,certificate,promotion_priority'],
        ['c', 3, 'D', 'training_plan,warning'],
      ],
    ],
    [
      'a tie for second',
      [
        facts('a', { inspections: [95] }),
        facts('c', { inspections: [80] }),
        facts('b', { inspections: [80] }),
      ],
      [
        ['a', 1, 'A', 'bonus,certificate,promotion_priority'],
        ['b', 2, 'B', ''],
        ['c', 2, 'B', ''],
      ],
    ],
    [
      'the first with grade B gets no top outcome',
      [facts('a', { inspections: [89.99] })],
      [['a', 1, 'B', '']],
    ],
    [
      'other branches and roles rank apart',
      [
        facts('a', { inspections: [70] }),
        facts('b', { inspections: [95], branchId: 'b2' }),
        facts('c', { inspections: [90], role: 'coach' }),
      ],
      [
        ['c', 1, 'A', 'bonus,certificate,promotion_priority'],
        ['a', 1, 'C', ''],
        ['b', 1, 'A', 'bonus,certificate,promotion_priority'],
      ],
    ],
  ])('%s', (_why, people, expected) => {
    expect(ranks(people)).toEqual(expected);
  });

  it('gives the outcomes the policy names', () => {
    const strict: AssessmentPolicy = {
      ...policy,
      outcomes: { top: ['certificate'], failing: ['fine', 'qualification_suspension', 'dismissal_review'] },
    };
    expect(
      assess([facts('a', { inspections: [95] }), facts('b', { inspections: [40] })], strict).map(
        (r) => r.outcomes,
      ),
    ).toEqual([['certificate'], ['fine', 'qualification_suspension', 'dismissal_review']]);
  });

  it('states each group’s size', () => {
    expect(
      assess([facts('a'), facts('b'), facts('c', { branchId: 'b2' })], policy).map((r) => r.groupSize),
    ).toEqual([2, 2, 1]);
  });
});

describe('the assessment policy', () => {
  it.each<[string, unknown, string]>([
    ['no weights', { grades: DEFAULT_ASSESSMENT_POLICY.grades }, 'weights'],
    [
      'a negative weight',
      { ...DEFAULT_ASSESSMENT_POLICY, weights: { ...only('safety'), knowledge: -1 } },
      'weights.knowledge',
    ],
    [
      'a fractional weight',
      { ...DEFAULT_ASSESSMENT_POLICY, weights: { ...only('safety'), safety: 0.5 } },
      'weights.safety',
    ],
    [
      'a weight over 1000',
      { ...DEFAULT_ASSESSMENT_POLICY, weights: { ...only('safety'), safety: 1001 } },
      'weights.safety',
    ],
    [
      'every weight 0',
      { ...DEFAULT_ASSESSMENT_POLICY, weights: { ...only('safety'), safety: 0 } },
      'weights',
    ],
    ['grades out of order', { ...DEFAULT_ASSESSMENT_POLICY, grades: { a: 75, b: 75, c: 60 } }, 'grades'],
    ['a grade over 100', { ...DEFAULT_ASSESSMENT_POLICY, grades: { a: 101, b: 75, c: 60 } }, 'grades.a'],
    [
      'no outcomes',
      { weights: DEFAULT_ASSESSMENT_POLICY.weights, grades: DEFAULT_ASSESSMENT_POLICY.grades },
      'outcomes',
    ],
    [
      'an unknown outcome',
      { ...DEFAULT_ASSESSMENT_POLICY, outcomes: { top: ['cake'], failing: [] } },
      'outcomes.top',
    ],
    [
      'failing outcomes not a list',
      { ...DEFAULT_ASSESSMENT_POLICY, outcomes: { top: [], failing: 'warning' } },
      'outcomes.failing',
    ],
  ])('refuses %s, naming the field', (_why, policy, field) => {
    expect(() => validateAssessmentPolicy(policy)).toThrow(
      expect.objectContaining({ code: 'STAFF.ASSESSMENT_POLICY_REFUSED', details: { field } }) as Error,
    );
  });

  it('numbers each change, and records nothing for the policy in force', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    const policy = { ...DEFAULT_ASSESSMENT_POLICY, weights: only('discipline') };
    const changed = assessmentPolicyDecider.decide(
      { type: 'ChangeAssessmentPolicy', data: { policy } },
      assessmentPolicyDecider.initialState(),
      { now },
    );
    expect(changed).toEqual([
      { type: 'AssessmentPolicyChanged', data: { version: 1, policy, changedAt: now.toISOString() } },
    ]);
    const state = changed.reduce(assessmentPolicyDecider.evolve, assessmentPolicyDecider.initialState());
    expect(
      assessmentPolicyDecider.decide({ type: 'ChangeAssessmentPolicy', data: { policy } }, state, { now }),
    ).toEqual([]);
  });
});

describe('assessing a period', () => {
  const now = new Date('2026-04-01T00:00:00.000Z');
  const policy = { version: 2, policy: { ...DEFAULT_ASSESSMENT_POLICY, weights: only('serviceQuality') } };
  const people = [facts('a', { inspections: [95] }), facts('b', { inspections: [50] })];
  const spec = (given: AssessmentEvent[], at = now) =>
    deciderSpec(assessmentDecider, { now: at, timeZone: 'UTC', policy, facts: people }).given(given);
  const run = (period: string) => ({ type: 'AssessPeriod', data: { period } }) as const;

  it.each([
    ['2026-03', 'UTC', 'monthly', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['2025', 'UTC', 'yearly', '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['2024-12', 'UTC', 'monthly', '2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    // UTC+8: each midnight is 16:00 UTC the day before.
    ['2026-03', 'Asia/Shanghai', 'monthly', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2025', 'Asia/Shanghai', 'yearly', '2024-12-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
    ['2024-12', 'Asia/Shanghai', 'monthly', '2024-11-30T16:00:00.000Z', '2024-12-31T16:00:00.000Z'],
    // UTC−5, then −4 from 8 March (daylight saving): the month is an hour short.
    ['2026-03', 'America/New_York', 'monthly', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
  ])('reads %s in %s as a %s period', (id, zone, cycle, from, to) => {
    expect(periodOf(id, zone)).toEqual({ id, cycle, from: new Date(from), to: new Date(to) });
  });

  /** Whether an instant counts in a period: from its start (inclusive) to its end (exclusive). */
  const counts = (id: string, zone: string, at: string) => {
    const { from, to } = periodOf(id, zone);
    return from.getTime() <= Date.parse(at) && Date.parse(at) < to.getTime();
  };
  it.each<[string, string, string, boolean, boolean]>([
    ['23:30 UTC on the 31st, tenant at UTC+8', 'Asia/Shanghai', '2026-03-31T23:30:00.000Z', false, true],
    ['23:30 UTC on the 31st, tenant at UTC', 'UTC', '2026-03-31T23:30:00.000Z', true, false],
    ['16:00 UTC on the 31st (midnight at UTC+8)', 'Asia/Shanghai', '2026-03-31T16:00:00.000Z', false, true],
    ['a millisecond before', 'Asia/Shanghai', '2026-03-31T15:59:59.999Z', true, false],
  ])('an event at %s counts in March %p, in April %p', (_why, zone, at, march, april) => {
    expect([counts('2026-03', zone, at), counts('2026-04', zone, at)]).toEqual([march, april]);
  });

  it.each(['2026-13', '2026-3', '26', 'March'])('refuses the period %s', (id) => {
    expect(() => periodOf(id, 'UTC')).toThrow(
      expect.objectContaining({ code: 'STAFF.INVALID_ASSESSMENT_PERIOD' }) as Error,
    );
  });

  it('records the result with the policy version it applied, and each outcome as an event', () => {
    const events = assessmentDecider.decide(run('2026-03'), assessmentDecider.initialState(), {
      now,
      timeZone: 'UTC',
      policy,
      facts: people,
    });
    expect(events.map((e) => e.type)).toEqual([
      'PeriodAssessed',
      'AssessmentOutcomesDecided',
      'AssessmentOutcomesDecided',
    ]);
    expect(events[0]?.data).toMatchObject({
      period: '2026-03',
      cycle: 'monthly',
      resultVersion: 1,
      policyVersion: 2,
    });
    expect(events.slice(1).map((e) => e.data)).toEqual([
      expect.objectContaining({ staffId: 'a', outcomes: ['bonus', 'certificate', 'promotion_priority'] }),
      expect.objectContaining({ staffId: 'b', outcomes: ['training_plan', 'warning'] }),
    ]);
  });

  it('re-scores a period as the next result version', () => {
    const first = assessmentDecider.decide(run('2026-03'), assessmentDecider.initialState(), {
      now,
      timeZone: 'UTC',
      policy,
      facts: people,
    });
    const state = first.reduce(assessmentDecider.evolve, assessmentDecider.initialState());
    const again = assessmentDecider.decide(run('2026-03'), state, {
      now,
      timeZone: 'UTC',
      policy,
      facts: people,
    });
    expect(again[0]?.data).toMatchObject({ resultVersion: 2 });
  });

  it('refuses a period that is not over yet (a minute before its end)', () => {
    spec([], new Date('2026-03-31T23:59:00.000Z'))
      .when(run('2026-03'))
      .thenThrows('STAFF.ASSESSMENT_PERIOD_NOT_OVER');
  });

  it.each<[string, string, boolean]>([
    ['a minute before midnight at UTC+8', '2026-03-31T15:59:00.000Z', false],
    ['at midnight at UTC+8 (16:00 UTC)', '2026-03-31T16:00:00.000Z', true],
  ])('for a tenant at UTC+8, March is over %s: %p', (_why, at, over) => {
    const decide = () =>
      assessmentDecider.decide(run('2026-03'), assessmentDecider.initialState(), {
        now: new Date(at),
        timeZone: 'Asia/Shanghai',
        policy,
        facts: people,
      });
    if (over) expect(decide()[0]?.data).toMatchObject({ period: '2026-03' });
    else
      expect(decide).toThrow(expect.objectContaining({ code: 'STAFF.ASSESSMENT_PERIOD_NOT_OVER' }) as Error);
  });

  it('says why a period not over is refused, naming it and the field', () => {
    expect(() =>
      assessmentDecider.decide(run('2026-03'), assessmentDecider.initialState(), {
        now: new Date('2026-03-31T23:59:59.999Z'),
        timeZone: 'UTC',
        policy,
        facts: people,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'STAFF.ASSESSMENT_PERIOD_NOT_OVER',
        message: '2026-03 is not over: preview it instead',
        details: { field: 'period' },
      }) as Error,
    );
  });

  it('serves staff.AssessPeriod: the period asked, or none (proto3 leaves an unset string off)', () => {
    const mapping = assessPeriod.handles?.command as (request: object) => AssessPeriod;
    expect(assessPeriod.handles?.rpc).toBe('staff.AssessPeriod');
    expect(mapping({ period: '2026-03' })).toEqual(run('2026-03'));
    expect(mapping({})).toEqual(run(''));
  });

  it('keeps one stream per period and tenant', () => {
    expect(assessmentStreamId('t1', '2026-03')).toBe('staff-assessment-t1-2026-03');
  });
});
