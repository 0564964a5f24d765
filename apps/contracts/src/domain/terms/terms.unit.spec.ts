import { monthsBefore } from './terms';

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
