import { ID, leaseTerms, packageTerms, CUSTOMER } from '../contract/contract.fixtures';
import { renderContract } from './contract-document';

const header = {
  contractId: ID,
  kind: 'rental_lease' as const,
  title: 'Equipment rental lease',
  customerId: CUSTOMER,
  version: 2,
  effectiveFrom: '2026-07-01',
};

describe('the rendered contract', () => {
  const text = renderContract(header, leaseTerms);

  it('names the template, the version, the parties, the term and the items', () => {
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Equipment rental lease',
      `Contract ${ID}, version 2, in force from 2026-07-01`,
      'Kind: rental_lease',
      `Parties: the provider and customer ${CUSTOMER}`,
      'Term: 2026-04-01 to 2027-03-31',
    ]);
    expect(text).toContain('  1. equipment excavator EX-200 × 1 at 1000000 CNY (minor units) each');
    expect(text).toContain('Rent per month: 1000000 CNY (minor units)');
    expect(text).toContain('Deposit: 2000000 CNY (minor units)');
    expect(text).toContain('Late fee per day: 500 CNY (minor units)');
    expect(text).toContain('Maintenance visits per year: 4');
    expect(text).toContain('Payment schedule: monthly in advance, by the 5th');
  });

  it('writes every clause under its title, in the one order of the clauses', () => {
    // The first 'Items:' heads the list of items; the clauses follow it.
    const titles = text
      .split('\n')
      .filter((line) => line.endsWith(':'))
      .slice(1);
    expect(titles).toEqual([
      'Items:',
      'Fees:',
      'Term:',
      'Delivery:',
      'Maintenance duties:',
      'Deposit:',
      'Breach liability:',
      'Late-payment penalty:',
    ]);
  });

  it('is the same text for the same terms, and another for any change', () => {
    expect(renderContract(header, leaseTerms)).toBe(text);
    expect(
      renderContract(header, { ...leaseTerms, clauses: { ...leaseTerms.clauses, deposit: 'one month' } }),
    ).not.toBe(text);
    expect(renderContract({ ...header, version: 3 }, leaseTerms)).not.toBe(text);
  });

  it('leaves out what a package has not: rent, deposit, late fee, visits, blank clauses', () => {
    const pkg = renderContract(
      { ...header, kind: 'service_package' },
      { ...packageTerms, clauses: { ...packageTerms.clauses, delivery: ' ' } },
    );
    expect(pkg).not.toMatch(/Rent per month|Deposit|Late fee|Maintenance visits|Payment schedule|Delivery/);
  });
});
