import { CLAUSE_KEYS, type ContractKind, type Terms } from '../terms/terms';

/** What a contract's document names besides its terms. */
export interface DocumentHeader {
  readonly contractId: string;
  readonly kind: ContractKind;
  readonly title: string;
  readonly customerId: string;
  readonly version: number;
  readonly effectiveFrom: string;
}

const CLAUSE_TITLES: Readonly<Record<(typeof CLAUSE_KEYS)[number], string>> = {
  items: 'Items',
  fees: 'Fees',
  term: 'Term',
  delivery: 'Delivery',
  maintenanceDuties: 'Maintenance duties',
  deposit: 'Deposit',
  breachLiability: 'Breach liability',
  latePaymentPenalty: 'Late-payment penalty',
};

const amount = (m: { amount: number; currency: string }): string => `${m.amount} ${m.currency} (minor units)`;

/**
 * The contract's text for one version: the template's title, the parties, the items, then each clause in the
 * one order of CLAUSE_KEYS. Deterministic, so the hash recorded at signing detects any later change.
 */
export function renderContract(header: DocumentHeader, terms: Terms): string {
  const lines = [
    `${header.title}`,
    `Contract ${header.contractId}, version ${header.version}, in force from ${header.effectiveFrom}`,
    `Kind: ${header.kind}`,
    `Parties: the provider and customer ${header.customerId}`,
    `Term: ${terms.startDate} to ${terms.endDate}`,
    '',
    'Items:',
    ...terms.items.map(
      (i, n) => `  ${n + 1}. ${i.kind} ${i.description} × ${i.quantity} at ${amount(i.unitPrice)} each`,
    ),
  ];
  if (terms.rentPerMonth) lines.push(`Rent per month: ${amount(terms.rentPerMonth)}`);
  if (terms.deposit) lines.push(`Deposit: ${amount(terms.deposit)}`);
  if (terms.lateFeePerDay) lines.push(`Late fee per day: ${amount(terms.lateFeePerDay)}`);
  if (terms.visitsPerYear !== null) lines.push(`Maintenance visits per year: ${terms.visitsPerYear}`);
  if (terms.paymentSchedule) lines.push(`Payment schedule: ${terms.paymentSchedule}`);
  for (const key of CLAUSE_KEYS) {
    const text = terms.clauses[key];
    if (text !== undefined && text.trim() !== '') lines.push('', `${CLAUSE_TITLES[key]}:`, text);
  }
  return `${lines.join('\n')}\n`;
}
