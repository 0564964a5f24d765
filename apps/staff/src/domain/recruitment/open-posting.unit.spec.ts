import type { Caller } from '@serviceops/kernel';
import { openPosting, type OpenPosting } from './open-posting';
import { postingDecider } from './posting.decider';
import { MAX_DRIVING_YEARS } from './posting.rules';
import type { PostingContext, PostingState } from './posting.state';

const newId = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BRANCH = '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b';
const caller: Caller = { actorId: '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b', newId };
const ctx: PostingContext = { now: new Date('2026-03-02T01:00:00.000Z'), branchIds: [BRANCH] };
const mapping = openPosting.handles?.command as (request: object, caller: Caller) => OpenPosting;
const command = (data: Partial<OpenPosting['data']> = {}): OpenPosting => ({
  type: 'OpenPosting',
  data: {
    postingId: newId,
    role: 'coach',
    branchId: BRANCH,
    businessLine: 'driving_practice',
    title: 'Coach',
    criteria: {},
    ...data,
  },
});

/** The refusal `decide` throws for `data` on `state`, as a plain object (code, message, details). */
function refusal(
  data: Partial<OpenPosting['data']>,
  state: PostingState = postingDecider.initialState(),
  context = ctx,
) {
  try {
    postingDecider.decide(command(data), state, context);
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: object };
    return { code, message, details };
  }
  throw new Error('not refused');
}

describe('OpenPosting: the request made the command', () => {
  it('serves staff.OpenPosting', () => {
    expect(openPosting.handles?.rpc).toBe('staff.OpenPosting');
  });

  it('names the posting by the id made for the call, lower-cases the branch id and passes every field on', () => {
    const request = {
      role: 'coach',
      branchId: BRANCH.toUpperCase(),
      businessLine: 'driving_practice',
      title: 'Coach',
      criteria: { minDrivingYears: 3, minEducation: 'secondary', cleanRecord: true },
    };
    expect(mapping(request, caller)).toEqual(
      command({ criteria: { minDrivingYears: 3, minEducation: 'secondary', cleanRecord: true } }),
    );
  });

  it('leaves out what was not sent (proto3 leaves unset fields off)', () => {
    const bare = {
      type: 'OpenPosting',
      data: { postingId: newId, role: '', branchId: '', businessLine: '', title: '', criteria: {} },
    };
    expect(mapping({}, caller)).toEqual(bare);
    expect(mapping({ criteria: {} }, caller)).toEqual(bare);
  });
});

describe('OpenPosting: what it records', () => {
  it('the trimmed title, every criterion asked and when it was opened', () => {
    const criteria = { minDrivingYears: 0, minEducation: 'college' as const, cleanRecord: true };
    expect(
      postingDecider.decide(command({ title: '  Coach  ', criteria }), postingDecider.initialState(), ctx),
    ).toEqual([
      {
        type: 'PostingOpened',
        data: { ...command({ criteria }).data, openedAt: '2026-03-02T01:00:00.000Z' },
      },
    ]);
  });

  it('makes the posting active with what was recorded', () => {
    const events = postingDecider.decide(command(), postingDecider.initialState(), ctx);
    expect(events.reduce(postingDecider.evolve, postingDecider.initialState())).toEqual({
      status: 'active',
      ...command().data,
      openedAt: '2026-03-02T01:00:00.000Z',
    });
  });

  it('opens in any branch when the tenant’s branches are not known', () => {
    expect(() => refusal({ branchId: 'elsewhere' }, undefined, { now: ctx.now })).toThrow('not refused');
  });
});

describe('OpenPosting: what each refusal says', () => {
  it('a posting that exists already', () => {
    const state = postingDecider
      .decide(command(), postingDecider.initialState(), ctx)
      .reduce(postingDecider.evolve, postingDecider.initialState());
    expect(refusal({}, state)).toEqual({
      code: 'STAFF.POSTING_EXISTS',
      message: 'the posting exists already',
      details: {},
    });
  });

  it('a branch the tenant does not have, naming the field', () => {
    expect(refusal({ branchId: '11111111-1111-4111-8111-111111111111' })).toEqual({
      code: 'STAFF.UNKNOWN_BRANCH',
      message: 'no such branch in this tenant',
      details: { field: 'branchId' },
    });
  });

  it.each([-1, MAX_DRIVING_YEARS + 1, 2.5])(
    '%d years of driving asked, naming the field',
    (minDrivingYears) => {
      expect(refusal({ criteria: { minDrivingYears } })).toEqual({
        code: 'STAFF.DRIVING_YEARS_OUT_OF_RANGE',
        message: `driving years must be a whole number from 0 to ${MAX_DRIVING_YEARS}`,
        details: { field: 'criteria.minDrivingYears' },
      });
    },
  );

  it.each([0, MAX_DRIVING_YEARS])('takes %d years of driving', (minDrivingYears) => {
    expect(() => refusal({ criteria: { minDrivingYears } })).toThrow('not refused');
  });
});
