import { deciderSpec } from '@serviceops/testing';
import { postingDecider, type PostingCommand, type PostingEvent } from './posting.decider';

const now = new Date('2026-03-02T01:00:00.000Z');
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BRANCH = '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b';
const spec = (given: readonly PostingEvent[], branchIds?: readonly string[]) =>
  deciderSpec(postingDecider, { now, ...(branchIds ? { branchIds } : {}) }).given(given);

const open = (criteria: object = { minDrivingYears: 3, cleanRecord: true }): PostingCommand => ({
  type: 'OpenPosting',
  data: {
    postingId: ID,
    role: 'coach',
    branchId: BRANCH,
    businessLine: 'driving_practice',
    title: ' Coach ',
    criteria,
  },
});
const opened: PostingEvent = {
  type: 'PostingOpened',
  data: {
    postingId: ID,
    role: 'coach',
    branchId: BRANCH,
    businessLine: 'driving_practice',
    title: 'Coach',
    criteria: { minDrivingYears: 3, cleanRecord: true },
    openedAt: now.toISOString(),
  },
};

describe('OpenPosting', () => {
  it('records PostingOpened with its criteria and the time it was decided', () => {
    spec([]).when(open()).then([opened]);
  });

  it('drops a clean-record criterion that asks nothing', () => {
    spec([])
      .when(open({ cleanRecord: false }))
      .then([{ ...opened, data: { ...opened.data, criteria: {} } }]);
  });

  it.each([
    ['the posting exists already', [opened], open(), undefined, 'STAFF.POSTING_EXISTS'],
    ['the branch is not the tenant’s', [], open(), ['another'], 'STAFF.UNKNOWN_BRANCH'],
    [
      'more than 60 years of driving are asked',
      [],
      open({ minDrivingYears: 61 }),
      undefined,
      'STAFF.DRIVING_YEARS_OUT_OF_RANGE',
    ],
    [
      'a fraction of a year is asked',
      [],
      open({ minDrivingYears: 2.5 }),
      undefined,
      'STAFF.DRIVING_YEARS_OUT_OF_RANGE',
    ],
  ] as const)('refuses when %s', (_what, given, command, branches, code) => {
    spec(given as readonly PostingEvent[], branches)
      .when(command)
      .thenThrows(code);
  });

  it('accepts a known branch', () => {
    spec([], [BRANCH]).when(open()).then([opened]);
  });
});
