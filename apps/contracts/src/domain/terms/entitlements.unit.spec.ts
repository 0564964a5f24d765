import { leaseTerms, packageTerms } from '../contract/contract.fixtures';
import { billingTermsOf, entitlementsOf, visitsDue } from './entitlements';

const base = {
  contractId: 'k',
  customerId: 'c',
  version: 1,
  effectiveFrom: '2026-04-01',
  at: 'now',
} as const;

describe('entitlements published for orders', () => {
  it('a package of 10 sessions: 10 in the package, 10 left', () => {
    expect(
      entitlementsOf({ ...base, kind: 'service_package', line: 'driving_practice', terms: packageTerms }),
    ).toMatchObject({
      sessions: { total: 10, left: 10 },
      equipment: [],
      warranty: null,
    });
  });

  it('a lease: the equipment on lease and its maintenance visits', () => {
    const e = entitlementsOf({ ...base, kind: 'rental_lease', line: 'equipment_rental', terms: leaseTerms });
    expect(e).toMatchObject({
      sessions: null,
      equipment: [{ description: 'excavator EX-200', quantity: 1 }],
    });
    expect(e.maintenanceVisitsDue).toEqual(['2026-07-01', '2026-10-01', '2027-01-01']);
  });

  it('a warranty: products, period and what is covered', () => {
    const e = entitlementsOf({ ...base, kind: 'warranty', line: 'after_sales_repair', terms: leaseTerms });
    expect(e.warranty).toEqual({
      products: ['excavator EX-200'],
      from: '2026-04-01',
      to: '2027-03-31',
      covered: 'lessor services every quarter',
    });
  });

  it.each([
    [null, []],
    [0, []],
    [1, ['2027-04-01']],
    [2, ['2026-10-01', '2027-04-01']],
    [12, ['2026-05-01', '2026-06-01']],
  ])('%s visits a year', (perYear, due) => {
    const end = perYear === 12 ? '2026-06-30' : '2027-04-01';
    expect(visitsDue('2026-04-01', end, perYear)).toEqual(due);
  });
});

describe('billing terms published for billing', () => {
  it('rent per period, deposit, schedule, late fee and the items’ total', () => {
    expect(
      billingTermsOf({ ...base, kind: 'rental_lease', line: 'equipment_rental', terms: leaseTerms }),
    ).toMatchObject({
      itemsTotal: { amount: 1_000_000, currency: 'CNY' },
      rentPerMonth: { amount: 1_000_000, currency: 'CNY' },
      deposit: { amount: 2_000_000, currency: 'CNY' },
      lateFeePerDay: { amount: 500, currency: 'CNY' },
      paymentSchedule: 'monthly in advance, by the 5th',
    });
  });

  it('no single total for items in two currencies', () => {
    const items = [
      ...leaseTerms.items,
      { ...leaseTerms.items[0]!, unitPrice: { amount: 1, currency: 'USD' } },
    ];
    expect(
      billingTermsOf({
        ...base,
        kind: 'rental_lease',
        line: 'equipment_rental',
        terms: { ...leaseTerms, items },
      }).itemsTotal,
    ).toBeNull();
  });
});
