import { fold } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import { birthdayMonthDaysOn, birthdayOn, isBirthdayOn, monthDayOf } from './care.birthdays';
import { careDecider, careStreamId, type CareCommand, type CareContext } from './care.decider';
import type { GreetingOccasion } from './care.state';
import { type CareEvent, SEALED_PATHS } from './care.events';

const C = 'cust-1';
/** 09:00 in Shanghai on 2026-05-14. */
const now = new Date('2026-05-14T01:00:00.000Z');
const context: CareContext = { now, policyVersion: 4, customer: 'active' };
const spec = (given: readonly CareEvent[], customer: CareContext['customer'] = 'active') =>
  deciderSpec(careDecider, { ...context, customer }).given(given);

const issue = (occasion: GreetingOccasion, on: string): CareCommand => ({
  type: 'IssueGreeting',
  data: { customerId: C, occasion, on },
});
const due = (occasion: GreetingOccasion, on: string, dueAt = now.toISOString()): CareEvent => ({
  type: 'GreetingDue',
  data: { customerId: C, occasion, on, dueAt, policyVersion: 4 },
});

describe('care decider', () => {
  it('makes a birthday greeting due, under the policy in force', () => {
    spec([])
      .when(issue('birthday', '2026-05-14'))
      .then([due('birthday', '2026-05-14')]);
  });

  it.each<[string, CareEvent[], CareCommand]>([
    ['a holiday on the day of a birthday', [due('birthday', '2026-05-14')], issue('holiday', '2026-05-14')],
    ['next year’s birthday', [due('birthday', '2025-05-14')], issue('birthday', '2026-05-14')],
    ['another holiday', [due('holiday', '2026-01-01')], issue('holiday', '2026-05-01')],
  ])('makes %s due too', (_why, given, command) => {
    spec(given)
      .when(command)
      .then([due(command.data.occasion, command.data.on)]);
  });

  it.each<[string, CareEvent[], CareCommand]>([
    [
      'the same birthday twice',
      [due('birthday', '2026-05-14', '2026-05-14T01:00:00.000Z')],
      issue('birthday', '2026-05-14'),
    ],
    ['the same holiday twice', [due('holiday', '2026-10-01')], issue('holiday', '2026-10-01')],
  ])('does nothing for %s (the daily timer may fire again)', (_why, given, command) => {
    spec(given).when(command).then([]);
  });

  it.each<[string, CareContext['customer']]>([
    ['erased at their request (nothing could be sealed with their key)', 'erased'],
    ['merged into another file (the survivor is greeted)', 'merged'],
    ['unknown', 'absent'],
  ])('greets no customer %s, without an error (the day’s run goes on)', (_why, customer) => {
    spec([], customer).when(issue('birthday', '2026-05-14')).then([]);
    spec([], customer).when(issue('holiday', '2026-10-01')).then([]);
  });

  it.each<[string, CareCommand, string, string]>([
    [
      'an unknown occasion',
      issue('wedding' as GreetingOccasion, '2026-05-14'),
      'CUSTOMERS.INVALID_OCCASION',
      'occasion',
    ],
    ['a day that does not exist', issue('birthday', '2026-02-29'), 'CUSTOMERS.INVALID_DATE', 'on'],
    ['an instant instead of a day', issue('holiday', '2026-05-14T00:00:00Z'), 'CUSTOMERS.INVALID_DATE', 'on'],
  ])('refuses %s', (_why, command, code, field) => {
    spec([]).when(command).thenThrows(code);
    expect(() => careDecider.decide(command, careDecider.initialState(), context)).toThrow(
      expect.objectContaining({ details: { field } }) as Error,
    );
  });

  it('folds the greetings into the set of those already due', () => {
    const state = fold(careDecider.evolve, careDecider.initialState(), [
      due('birthday', '2026-05-14'),
      due('holiday', '2026-10-01'),
    ]);
    expect(state.issued).toEqual(new Set(['birthday:2026-05-14', 'holiday:2026-10-01']));
  });

  it('keeps one stream per customer, off the customer’s own', () => {
    expect(careStreamId('t1', C)).toBe('customer-care-t1-cust-1');
  });

  it('seals the date (a birthday greeting’s date is the customer’s birthday)', () => {
    expect(SEALED_PATHS).toEqual({ GreetingDue: ['on'] });
  });
});

describe('birthdays', () => {
  it.each<[string, number, string]>([
    ['1990-05-14', 2026, '2026-05-14'],
    ['1990-01-01', 2026, '2026-01-01'],
    ['1990-12-31', 2026, '2026-12-31'],
    ['2000-02-29', 2028, '2028-02-29'],
    ['2000-02-29', 2027, '2027-02-28'],
    ['2000-02-29', 2100, '2100-02-28'],
    ['2000-02-29', 2400, '2400-02-29'],
    ['1999-02-28', 2028, '2028-02-28'],
    ['1990-05-14', 900, '0900-05-14'],
  ])('someone born on %s has a birthday in %i on %s', (birthDate, year, expected) => {
    expect(birthdayOn(birthDate, year)).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['05-14', '2026-05-14', true],
    ['05-14', '2026-05-15', false],
    ['05-14', '2026-06-14', false],
    ['02-29', '2028-02-29', true],
    ['02-29', '2028-02-28', false],
    ['02-29', '2027-02-28', true],
    ['02-29', '2027-03-01', false],
    ['02-28', '2027-02-28', true],
    ['02-28', '2028-02-28', true],
    ['02-28', '2028-02-29', false],
  ])('a birthday on %s falls on %s: %p', (monthDay, date, expected) => {
    expect(isBirthdayOn(monthDay, date)).toBe(expected);
  });

  it.each<[string, string[]]>([
    ['2026-05-14', ['05-14']],
    ['2027-02-28', ['02-28', '02-29']],
    ['2028-02-28', ['02-28']],
    ['2028-02-29', ['02-29']],
  ])('on %s, the birthdays of %p', (date, monthDays) => {
    expect(birthdayMonthDaysOn(date)).toEqual(monthDays);
  });

  it('reads the month-day of a birth date', () => {
    expect(monthDayOf('2000-02-29')).toBe('02-29');
  });

  it.each<[string, () => unknown, string]>([
    ['a birth date that does not exist', () => birthdayOn('1990-02-30', 2026), 'birthDate'],
    ['a fractional year', () => birthdayOn('1990-05-14', 2026.5), 'year'],
    ['year 0', () => birthdayOn('1990-05-14', 0), 'year'],
    ['year 10000', () => birthdayOn('1990-05-14', 10_000), 'year'],
    ['a month-day that does not exist', () => isBirthdayOn('02-30', '2026-02-28'), 'monthDay'],
    ['a full date as the month-day', () => isBirthdayOn('1990-05-14', '2026-05-14'), 'monthDay'],
    ['a day that does not exist', () => isBirthdayOn('05-14', '2026-05-32'), 'date'],
    ['a malformed date', () => birthdayMonthDaysOn('14.05.2026'), 'date'],
  ])('refuses %s', (_why, run, field) => {
    expect(run).toThrow(
      expect.objectContaining({ code: 'CUSTOMERS.INVALID_DATE', details: { field } }) as Error,
    );
  });
});
