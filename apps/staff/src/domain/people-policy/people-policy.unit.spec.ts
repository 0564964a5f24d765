import { deciderSpec } from '@serviceops/testing';
import { DEFAULT_PEOPLE_POLICY, peoplePolicyDecider, type PeoplePolicyChanged } from './people-policy';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly PeoplePolicyChanged[]) =>
  deciderSpec(peoplePolicyDecider, { now }).given(given);
const change = (expiryReminderDays: number, noticeDays: number) => ({
  type: 'ChangePeoplePolicy' as const,
  data: { policy: { expiryReminderDays, noticeDays } },
});
const changed = (version: number, expiryReminderDays: number, noticeDays: number): PeoplePolicyChanged => ({
  type: 'PeoplePolicyChanged',
  data: { version, policy: { expiryReminderDays, noticeDays }, changedAt: now.toISOString() },
});

describe('the people policy', () => {
  it('starts at version 0 with 30 days of reminder and 30 of notice', () => {
    expect(peoplePolicyDecider.initialState()).toEqual({ version: 0, policy: DEFAULT_PEOPLE_POLICY });
    expect(DEFAULT_PEOPLE_POLICY).toEqual({ expiryReminderDays: 30, noticeDays: 30 });
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
