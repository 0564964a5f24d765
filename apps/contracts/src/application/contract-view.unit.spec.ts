import { contractDecider } from '../domain/contract/contract.decider';
import { signedLease } from '../domain/contract/contract.fixtures';
import type { Contract } from '../domain/contract/contract.state';
import { contractViewOf, MASK, seenBy } from './contract-view';

const state = signedLease.reduce(contractDecider.evolve, contractDecider.initialState()) as Contract;
const view = contractViewOf(state, 5, '2026-05-01');

describe('a contract in the eyes of its reader', () => {
  it('is in clear for a role that sees personal data', () => {
    expect(seenBy(view, true)).toBe(view);
  });

  it('masks clause texts and signers, everywhere, for one that does not; keeps items, dates and money', () => {
    const masked = seenBy(view, false);
    expect(Object.values(masked.terms.clauses)).toEqual(Object.values(view.terms.clauses).map(() => MASK));
    expect(masked.versions.flatMap((v) => Object.values(v.terms.clauses)).every((t) => t === MASK)).toBe(
      true,
    );
    expect(masked.signatures.map((s) => s.signer)).toEqual([MASK, MASK]);
    expect(masked.terms.items).toEqual(view.terms.items);
    expect(masked.terms.rentPerMonth).toEqual(view.terms.rentPerMonth);
    expect(masked.terms.startDate).toBe(view.terms.startDate);
    expect(JSON.stringify(masked)).not.toContain('Li Lei');
  });

  it('shows the terms in force on asOf: before the start, none signed yet', () => {
    expect(contractViewOf(state, 5, '2026-05-01', '2026-03-01')).not.toHaveProperty('termsVersion');
    expect(contractViewOf(state, 5, '2026-05-01', '2026-04-01')).toMatchObject({
      termsVersion: 1,
      status: 'active',
    });
    expect(contractViewOf(state, 5, '2026-03-01')).toMatchObject({ termsVersion: 1, status: 'signed' });
  });
});
