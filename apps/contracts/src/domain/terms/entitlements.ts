import type { ContractBillingTermsPublishedV1, ContractEntitlementsPublishedV1 } from '@serviceops/contracts';
import type { BusinessLine } from '@serviceops/contracts';
import type { Money } from '@serviceops/kernel';
import { type ContractKind, monthsBefore, type Terms } from './terms';

export interface Published {
  readonly contractId: string;
  readonly customerId: string;
  readonly kind: ContractKind;
  readonly line: BusinessLine;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly terms: Terms;
  readonly at: string;
}

/**
 * Maintenance visits spread evenly over each year of the term, from the version's effective date: 4 a year is one
 * every 3 months. Dates past the end are left out.
 */
export function visitsDue(from: string, endDate: string, perYear: number | null): string[] {
  if (perYear === null || perYear <= 0) return [];
  const stepMonths = 12 / perYear;
  const due: string[] = [];
  for (let n = 1; ; n++) {
    const date = monthsBefore(from, -Math.round(n * stepMonths));
    if (date > endDate) return due;
    due.push(date);
  }
}

export function entitlementsOf(p: Published): ContractEntitlementsPublishedV1 {
  const { terms } = p;
  const services = terms.items.filter((i) => i.kind === 'service');
  const equipment = terms.items.filter((i) => i.kind === 'equipment');
  const sessions = services.reduce((n, i) => n + i.quantity, 0);
  return {
    contractId: p.contractId,
    customerId: p.customerId,
    kind: p.kind,
    line: p.line,
    version: p.version,
    effectiveFrom: p.effectiveFrom,
    endDate: terms.endDate,
    sessions: p.kind === 'service_package' ? { total: sessions, left: sessions } : null,
    maintenanceVisitsDue: visitsDue(p.effectiveFrom, terms.endDate, terms.visitsPerYear),
    equipment:
      p.kind === 'rental_lease'
        ? equipment.map(({ description, quantity }) => ({ description, quantity }))
        : [],
    warranty:
      p.kind === 'warranty'
        ? {
            products: terms.items.map((i) => i.description),
            from: terms.startDate,
            to: terms.endDate,
            covered: terms.clauses.maintenanceDuties ?? '',
          }
        : null,
    publishedAt: p.at,
  };
}

/** The items' total, when they share one currency (a mixed-currency list has no single total). */
function itemsTotal(terms: Terms): Money | null {
  const first = terms.items[0];
  if (!first || terms.items.some((i) => i.unitPrice.currency !== first.unitPrice.currency)) return null;
  return {
    amount: terms.items.reduce((sum, i) => sum + i.quantity * i.unitPrice.amount, 0),
    currency: first.unitPrice.currency,
  };
}

export function billingTermsOf(p: Published): ContractBillingTermsPublishedV1 {
  const { terms } = p;
  return {
    contractId: p.contractId,
    customerId: p.customerId,
    version: p.version,
    effectiveFrom: p.effectiveFrom,
    endDate: terms.endDate,
    itemsTotal: itemsTotal(terms),
    rentPerMonth: terms.rentPerMonth,
    deposit: terms.deposit,
    paymentSchedule: terms.paymentSchedule,
    lateFeePerDay: terms.lateFeePerDay,
    publishedAt: p.at,
  };
}
