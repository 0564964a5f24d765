import { DEFAULT_TEMPLATES } from '../contract-template/contract-template.state';
import type { ContractKind, Terms } from '../terms/terms';
import type { ContractEvent } from './contract.decider';
import type { ContractContext, TemplateRef } from './contract.state';

// Histories the contract's rule tests start from (test data only: no rule lives here).

export const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
export const CUSTOMER = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
export const NOW = new Date('2026-03-02T01:00:00.000Z');
export const AT = NOW.toISOString();

export const context = (today = '2026-03-02'): ContractContext => ({
  now: NOW,
  today,
  hash: (text) => `hash(${text.length})`,
});

const cny = (amount: number) => ({ amount, currency: 'CNY' });

export const leaseTerms: Terms = {
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  items: [{ kind: 'equipment', description: 'excavator EX-200', quantity: 1, unitPrice: cny(1_000_000) }],
  clauses: {
    items: 'one excavator EX-200',
    fees: 'rent monthly in advance',
    term: 'twelve months',
    delivery: 'delivered to the site by the lessor',
    maintenanceDuties: 'lessor services every quarter',
    deposit: 'two months of rent',
    breachLiability: 'damages at replacement cost',
    latePaymentPenalty: '0.05% per day late',
  },
  rentPerMonth: cny(1_000_000),
  deposit: cny(2_000_000),
  lateFeePerDay: cny(500),
  visitsPerYear: 4,
  paymentSchedule: 'monthly in advance, by the 5th',
};

export const packageTerms: Terms = {
  startDate: '2026-04-01',
  endDate: '2026-09-30',
  items: [{ kind: 'service', description: 'practice session', quantity: 10, unitPrice: cny(20_000) }],
  clauses: {
    items: 'ten practice sessions of one hour',
    fees: 'paid in full before the first session',
    term: 'six months',
    breachLiability: 'a missed session is forfeited',
  },
  rentPerMonth: null,
  deposit: null,
  lateFeePerDay: null,
  visitsPerYear: null,
  paymentSchedule: null,
};

export function templateRef(kind: ContractKind): TemplateRef {
  const { version, title, requiredClauses, reviewRequired, expiryNoticeMonths } = DEFAULT_TEMPLATES[kind];
  return { version, title, requiredClauses: [...requiredClauses], reviewRequired, expiryNoticeMonths };
}

export function drafted(kind: ContractKind = 'rental_lease', terms: Terms = leaseTerms): ContractEvent {
  return {
    type: 'ContractDrafted',
    data: {
      contractId: ID,
      kind,
      customerId: CUSTOMER,
      line: kind === 'service_package' ? 'driving_practice' : 'equipment_rental',
      terms,
      template: templateRef(kind),
      proposalId: null,
      predecessorId: null,
      draftedAt: AT,
    },
  };
}

export const submitted: ContractEvent = {
  type: 'ContractSubmittedForReview',
  data: { contractId: ID, submittedAt: AT },
};
export const approved: ContractEvent = { type: 'ContractApproved', data: { contractId: ID, approvedAt: AT } };
export const returned: ContractEvent = {
  type: 'ContractReturned',
  data: { contractId: ID, reasons: ['deposit too low'], returnedAt: AT },
};

export function signedBoth(terms: Terms = leaseTerms): ContractEvent[] {
  return [
    {
      type: 'ContractSignatureRecorded',
      data: { contractId: ID, party: 'customer', signer: 'Li Lei', method: 'paper', signedAt: AT },
    },
    {
      type: 'ContractSignatureRecorded',
      data: { contractId: ID, party: 'provider', signer: 'Han Meimei', method: 'paper', signedAt: AT },
    },
    {
      type: 'ContractSigned',
      data: {
        contractId: ID,
        version: 1,
        effectiveFrom: terms.startDate,
        terms,
        documentHash: 'h1',
        signedAt: AT,
      },
    },
  ];
}

/** A lease through review, approval and both signatures. */
export const signedLease: ContractEvent[] = [drafted(), submitted, approved, ...signedBoth()];
