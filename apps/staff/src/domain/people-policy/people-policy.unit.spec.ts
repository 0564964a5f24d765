import { deciderSpec } from '@serviceops/testing';
import type { PeoplePolicyChanged } from './change-people-policy';
import { peoplePolicyDecider } from './people-policy.decider';
import { DEFAULT_PEOPLE_POLICY } from './people-policy.state';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly PeoplePolicyChanged[]) =>
  deciderSpec(peoplePolicyDecider, { now }).given(given);
const change = (expiryReminderDays: number, noticeDays: number, staffRetentionDays?: number) => ({
  type: 'ChangePeoplePolicy' as const,
  data: {
    policy: {
      expiryReminderDays,
      noticeDays,
      ...(staffRetentionDays !== undefined ? { staffRetentionDays } : {}),
    },
  },
});
const changed = (
  version: number,
  expiryReminderDays: number,
  noticeDays: number,
  staffRetentionDays = 730,
): PeoplePolicyChanged => ({
  type: 'PeoplePolicyChanged',
  data: {
    version,
    policy: { expiryReminderDays, noticeDays, staffRetentionDays },
    changedAt: now.toISOString(),
  },
});

describe('the people policy', () => {
  it('starts at version 0 with 30 days of reminder, 30 of notice and two years (730 days) of retention', () => {
    expect(peoplePolicyDecider.initialState()).toEqual({ version: 0, policy: DEFAULT_PEOPLE_POLICY });
    expect(DEFAULT_PEOPLE_POLICY).toEqual({
      expiryReminderDays: 30,
      noticeDays: 30,
      staffRetentionDays: 730,
    });
  });

  it.each([
    [1, 0],
    [365, 365],
  ])('takes %i reminder days and %i notice days, as the next version', (reminder, notice) => {
    spec([changed(1, 14, 30)])
      .when(change(reminder, notice))
      .then([changed(2, reminder, notice)]);
  });

  it('records nothing when nothing changes', () => {
    spec([]).when(change(30, 30)).then([]);
    spec([])
      .when(change(30, 30, 730))
      .then([]);
  });

  it.each([730, 3650])('takes a retention of %i days after the last day', (days) => {
    spec([changed(1, 30, 30, 1095)])
      .when(change(30, 30, days))
      .then([changed(2, 30, 30, days)]);
  });

  it('keeps the retention when a change gives none', () => {
    spec([changed(1, 30, 30, 1095)])
      .when(change(14, 30))
      .then([changed(2, 14, 30, 1095)]);
  });

  it('reads a change recorded before the retention existed with the default retention', () => {
    const old = {
      type: 'PeoplePolicyChanged',
      data: { version: 1, policy: { expiryReminderDays: 14, noticeDays: 7 }, changedAt: now.toISOString() },
    } as unknown as PeoplePolicyChanged;
    expect(peoplePolicyDecider.evolve(peoplePolicyDecider.initialState(), old).policy).toEqual({
      expiryReminderDays: 14,
      noticeDays: 7,
      staffRetentionDays: 730,
    });
  });

  it.each([729, 3651, 730.5])('refuses a retention of %d days (the law keeps two years at least)', (days) => {
    spec([])
      .when(change(30, 30, days))
      .thenThrows('STAFF.PEOPLE_POLICY_OUT_OF_RANGE');
  });

  it.each([
    [0, 30],
    [366, 30],
    [30, -1],
    [30, 366],
    [30.5, 30],
  ])('refuses %d reminder days and %d notice days', (reminder, notice) => {
    spec([]).when(change(reminder, notice)).thenThrows('STAFF.PEOPLE_POLICY_OUT_OF_RANGE');
  });
});
