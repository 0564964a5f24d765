import { packageTerms } from '../contract/contract.fixtures';
import { monthsBefore, renewalTerms } from './terms';

describe('monthsBefore', () => {
  it.each([
    ['2027-03-31', 1, '2027-02-28'],
    ['2028-03-31', 1, '2028-02-29'],
    ['2027-01-15', 1, '2026-12-15'],
    ['2027-03-15', 12, '2026-03-15'],
    ['2026-12-31', -1, '2027-01-31'],
  ])('%s minus %i month(s) is %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });
});

describe('renewalTerms', () => {
  it.each([
    ['2026-04-01', '2027-03-31', '2027-04-01', '2028-03-31'],
    ['2026-04-01', '2026-09-30', '2026-10-01', '2027-03-31'],
    ['2026-04-05', '2026-04-14', '2026-04-15', '2026-04-24'],
  ])('%s–%s renews as %s–%s', (startDate, endDate, nextStart, nextEnd) => {
    const next = renewalTerms({ ...packageTerms, startDate, endDate });
    expect([next.startDate, next.endDate]).toEqual([nextStart, nextEnd]);
    expect(next.items).toEqual(packageTerms.items);
  });
});
