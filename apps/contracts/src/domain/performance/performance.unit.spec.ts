import { leaseTerms, packageTerms } from '../contract/contract.fixtures';
import {
  type FulfilmentEvent,
  fulfilmentOf,
  fulfilmentStep,
  monthsElapsed,
  reviewPerformance,
} from './performance';

const K = 'k1';
const used = (n: number, contractId = K): FulfilmentEvent[] =>
  Array.from({ length: n }, () => ({ type: 'PackageSessionUsed', data: { contractId } }));
const visits = (n: number): FulfilmentEvent[] =>
  Array.from({ length: n }, () => ({ type: 'MaintenanceVisitCompleted', data: { contractId: K } }));
const paid = (amount: number, currency = 'CNY'): FulfilmentEvent => ({
  type: 'PaymentReceived',
  data: { contractId: K, amount: { amount, currency } },
});

describe('fulfilment from other services’ events (recorded), by type', () => {
  it('counts this contract’s sessions, visits and payments in its currency only', () => {
    const events = [
      ...used(3),
      ...used(2, 'another'),
      ...visits(1),
      paid(1_000),
      paid(500, 'USD'),
      { type: 'SomethingElse', data: { contractId: K } },
    ];
    expect(fulfilmentOf(K, events, 'CNY')).toEqual({ sessionsUsed: 3, visitsDone: 1, paid: 1_000 });
  });
});

describe('one fulfilment event at a time (as the consumer applies them)', () => {
  it.each([
    ['a session used', used(1)[0], { contractId: K, sessions: 1, visits: 0 }],
    ['a visit done', visits(1)[0], { contractId: K, sessions: 0, visits: 1 }],
    [
      'a payment',
      paid(1_000),
      { contractId: K, sessions: 0, visits: 0, payment: { amount: 1_000, currency: 'CNY' } },
    ],
  ])('%s counts', (_, event, step) => expect(fulfilmentStep(event as FulfilmentEvent)).toEqual(step));

  it.each([
    ['an unknown type', { type: 'SomethingElse', data: { contractId: K } }],
    ['no contract named', { type: 'PracticeSessionCompleted', data: {} }],
    [
      'a payment of a float',
      { type: 'PaymentReceived', data: { contractId: K, amount: { amount: 1.5, currency: 'CNY' } } },
    ],
    ['a payment of nothing', paid(0)],
    ['a negative payment', paid(-100)],
    [
      'a payment without a currency',
      { type: 'PaymentReceived', data: { contractId: K, amount: { amount: 100 } } },
    ],
  ])('%s is not read', (_, event) => expect(fulfilmentStep(event)).toBeUndefined());
});

describe('periodic review: a contract behind schedule is flagged', () => {
  // packageTerms: 10 sessions from 2026-04-01 to 2026-09-30 (183 days).
  it.each([
    ['2026-03-31', 0, 0, []],
    ['2026-04-01', 0, 0, []],
    ['2026-05-19', 2, 2, []],
    ['2026-05-19', 1, 2, ['sessions']],
    ['2026-09-30', 9, 10, ['sessions']],
    ['2026-09-30', 10, 10, []],
  ] as const)('a package on %s with %i sessions used (expected %i): behind %j', (on, n, expected, behind) => {
    const review = reviewPerformance('service_package', packageTerms, fulfilmentOf(K, used(n), 'CNY'), on);
    expect(review.sessions?.expectedByNow).toBe(expected);
    expect(review.behind).toEqual(behind);
  });

  // leaseTerms: from 2026-04-01, rent 1,000,000 a month in advance, deposit 2,000,000, visits 07-01, 10-01, 01-01.
  it.each([
    ['2026-04-01', 0, 3_000_000, []],
    ['2026-04-01', 0, 2_999_999, ['payments']],
    ['2026-05-01', 0, 4_000_000, []],
    ['2026-07-01', 0, 6_000_000, ['visits']],
    ['2026-07-01', 1, 6_000_000, []],
    ['2026-06-30', 0, 4_999_999, ['payments']],
  ] as const)('a lease on %s with %i visits and %i paid: behind %j', (on, done, amount, behind) => {
    const review = reviewPerformance(
      'rental_lease',
      leaseTerms,
      fulfilmentOf(K, [...visits(done), paid(amount)], 'CNY'),
      on,
    );
    expect(review.behind).toEqual(behind);
  });

  it.each([
    ['2026-04-01', '2026-03-31', 0],
    ['2026-04-01', '2026-04-30', 0],
    ['2026-04-01', '2026-05-01', 1],
    ['2026-01-31', '2026-02-28', 1],
  ])('from %s to %s: %i whole months', (start, on, months) => {
    expect(monthsElapsed(start, on)).toBe(months);
  });
});
