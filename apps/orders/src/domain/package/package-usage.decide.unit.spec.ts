import { deciderSpec } from '@serviceops/testing';
import { type PackageUsageEvent, packageUsageDecider } from './package-usage.decider';

const now = new Date('2026-03-02T04:30:00.000Z');
const at = now.toISOString();
const C = 'contract-1';
const customerId = 'customer-1';
const used = (orderId: string, sessionsLeft: number): PackageUsageEvent => ({
  type: 'PackageSessionUsed',
  data: { contractId: C, customerId, orderId, sessionsTotal: 10, sessionsLeft, at },
});
const use = (orderId: string) => ({
  type: 'UseSession' as const,
  data: { contractId: C, customerId, orderId },
});
const spec = (given: PackageUsageEvent[], sessionsTotal: number | null = 10) =>
  deciderSpec(packageUsageDecider, { now, sessionsTotal }).given(given);
const usedUpTo = (n: number) => Array.from({ length: n }, (_, i) => used(`o${i + 1}`, 10 - i - 1));

describe('a practice package’s sessions', () => {
  it('uses one session per completed practice session, with the sessions left', () => {
    spec([])
      .when(use('o1'))
      .then([used('o1', 9)]);
    spec(usedUpTo(8))
      .when(use('o9'))
      .then([used('o9', 1)]);
  });

  it('publishes the last session used and the package exhausted', () => {
    spec(usedUpTo(9))
      .when(use('o10'))
      .then([
        used('o10', 0),
        {
          type: 'PackageExhausted',
          data: { contractId: C, customerId, lastOrderId: 'o10', sessionsTotal: 10, at },
        },
      ]);
  });

  it.each<[string, PackageUsageEvent[], number | null, string]>([
    ['the 11th session of 10', usedUpTo(10), 10, 'ORDERS.PACKAGE_EXHAUSTED'],
    ['a session of an empty package', [], 0, 'ORDERS.PACKAGE_EXHAUSTED'],
    ['a session of a contract that is no package', [], null, 'ORDERS.NOT_A_PACKAGE'],
  ])('refuses %s', (_why, given, total, code) => {
    spec(given, total).when(use('o11')).thenThrows(code);
  });

  it('counts an order once when its completion is decided again', () => {
    spec(usedUpTo(10)).when(use('o3')).then([]);
  });
});
