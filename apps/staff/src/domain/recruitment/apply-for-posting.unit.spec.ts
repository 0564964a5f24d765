import { RULES, type Caller } from '@serviceops/kernel';
import { applyForPosting, type ApplyForPosting } from './apply-for-posting';
import { candidateDecider } from './candidate.decider';
import type { CandidateContext, CandidateState } from './candidate.state';
import { MAX_DRIVING_YEARS } from './posting.rules';
import type { PostingState } from './posting.state';

const newId = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const POSTING = '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a';
const BRANCH = '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b';
const caller: Caller = { actorId: '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b', newId };
const now = new Date('2026-03-02T01:00:00.000Z');
const posting: PostingState = {
  status: 'active',
  postingId: POSTING,
  role: 'coach',
  branchId: BRANCH,
  businessLine: 'driving_practice',
  title: 'Driving coach',
  criteria: { minDrivingYears: 3, cleanRecord: true },
  openedAt: now.toISOString(),
};
const ctx: CandidateContext = { now, posting };
const mapping = applyForPosting.handles?.command as (request: object, caller: Caller) => ApplyForPosting;
const command = (data: Partial<ApplyForPosting['data']> = {}): ApplyForPosting => ({
  type: 'ApplyForPosting',
  data: { candidateId: newId, postingId: POSTING, name: 'Zhang Wei', phone: '+86 139 1234 5678', ...data },
});

/** The refusal `decide` throws for `data` on `state`, as a plain object (code, message, details). */
function refusal(
  data: Partial<ApplyForPosting['data']>,
  state: CandidateState = candidateDecider.initialState(),
  context = ctx,
) {
  try {
    candidateDecider.decide(command(data), state, context);
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: object };
    return { code, message, details };
  }
  throw new Error('not refused');
}

describe('ApplyForPosting: the request made the command', () => {
  it('serves staff.ApplyForPosting', () => {
    expect(applyForPosting.handles?.rpc).toBe('staff.ApplyForPosting');
  });

  it('names the candidate by the id made for the call, lower-cases the posting id and passes every field on', () => {
    const request = {
      postingId: POSTING.toUpperCase(),
      name: 'Zhang Wei',
      phone: '+86 139 1234 5678',
      idNumber: '11010519900101001x',
      drivingYears: 5,
      education: 'college',
      cleanRecord: false,
    };
    expect(mapping(request, caller)).toEqual(
      command({ idNumber: '11010519900101001x', drivingYears: 5, education: 'college', cleanRecord: false }),
    );
  });

  it('leaves out what was not sent (proto3 leaves unset fields off)', () => {
    expect(mapping({}, caller)).toEqual({
      type: 'ApplyForPosting',
      data: { candidateId: newId, postingId: '', name: '', phone: '' },
    });
  });
});

describe('ApplyForPosting: what it records', () => {
  it('the posting’s terms, the trimmed fields, the normalised ID number and when', () => {
    const [event] = candidateDecider.decide(
      command({
        name: ' Zhang Wei ',
        phone: ' +86 139 1234 5678 ',
        idNumber: '11010519900101001x',
        drivingYears: 0,
        education: 'college',
        cleanRecord: false,
      }),
      candidateDecider.initialState(),
      ctx,
    );
    expect(event).toEqual({
      type: 'CandidateApplied',
      data: {
        candidateId: newId,
        postingId: POSTING,
        role: 'coach',
        branchId: BRANCH,
        businessLine: 'driving_practice',
        criteria: posting.criteria,
        name: 'Zhang Wei',
        phone: '+86 139 1234 5678',
        idNumber: '11010519900101001X',
        drivingYears: 0,
        education: 'college',
        cleanRecord: false,
        appliedAt: now.toISOString(),
      },
    });
  });

  it('puts the candidate in progress, no step passed or recorded yet', () => {
    const events = candidateDecider.decide(command(), candidateDecider.initialState(), ctx);
    expect(events.reduce(candidateDecider.evolve, candidateDecider.initialState())).toEqual({
      ...events[0]?.data,
      status: 'in_progress',
      passed: [],
      steps: [],
      updatedAt: now.toISOString(),
    });
  });

  it('leaves out what the candidate did not say', () => {
    const [event] = candidateDecider.decide(command(), candidateDecider.initialState(), ctx);
    expect(event?.data).not.toHaveProperty('idNumber');
    expect(event?.data).not.toHaveProperty('drivingYears');
    expect(event?.data).not.toHaveProperty('education');
    expect(event?.data).not.toHaveProperty('cleanRecord');
  });
});

describe('ApplyForPosting: what each refusal says', () => {
  it('a candidate who exists already', () => {
    const state = candidateDecider
      .decide(command(), candidateDecider.initialState(), ctx)
      .reduce(candidateDecider.evolve, candidateDecider.initialState());
    expect(refusal({}, state)).toEqual({
      code: 'STAFF.CANDIDATE_EXISTS',
      message: 'the candidate exists already',
      details: {},
    });
  });

  it.each<[string, CandidateContext]>([
    ['unknown', { now }],
    ['not open', { now, posting: { status: 'absent' } }],
  ])('a posting %s, naming the field', (_why, context) => {
    expect(refusal({}, undefined, context)).toEqual({
      code: 'STAFF.POSTING_NOT_FOUND',
      message: 'no such posting',
      details: { field: 'postingId' },
    });
  });

  it.each([
    ['name', { name: ' ' }, 'STAFF.NAME_REJECTED', RULES.name.message],
    ['phone', { phone: 'call me' }, 'STAFF.PHONE_REJECTED', RULES.phone.message],
    ['idNumber', { idNumber: '123' }, 'STAFF.ID_NUMBER_REJECTED', RULES.idNumber.message],
  ])('a %s it cannot take, naming the field', (field, data, code, message) => {
    expect(refusal(data)).toEqual({ code, message: `${field} ${message}`, details: { field } });
  });

  it.each([-1, MAX_DRIVING_YEARS + 1, 0.5])('%d years of driving, naming the field', (drivingYears) => {
    expect(refusal({ drivingYears })).toEqual({
      code: 'STAFF.DRIVING_YEARS_OUT_OF_RANGE',
      message: `driving years must be a whole number from 0 to ${MAX_DRIVING_YEARS}`,
      details: { field: 'drivingYears' },
    });
  });
});
