import { addDays } from '@serviceops/kernel';
import type { Money } from '@serviceops/kernel';
import {
  CLAUSE_KEYS,
  CONTRACT_KINDS,
  type ClauseKey,
  type ContractKind,
  type ItemKind,
} from '@serviceops/contracts';

export {
  CLAUSE_KEYS,
  CONTRACT_KINDS,
  ITEM_KINDS,
  type ClauseKey,
  type ContractKind,
  type ItemKind,
} from '@serviceops/contracts';
export interface ContractItem {
  readonly kind: ItemKind;
  /** What is sold or leased: '10 practice sessions', 'excavator EX-200'. */
  readonly description: string;
  /** A whole number of units (sessions, units of equipment). */
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** Clause texts by key; free text. */
export type Clauses = Readonly<Partial<Record<ClauseKey, string>>>;

/**
 * What a contract's version binds: the dates it runs (local dates, both inclusive), its items, its clause texts
 * and the figures other services act on (rent, deposit, late fee, maintenance visits).
 */
export interface Terms {
  readonly startDate: string;
  readonly endDate: string;
  readonly items: readonly ContractItem[];
  readonly clauses: Clauses;
  /** Rent per month (leases). */
  readonly rentPerMonth: Money | null;
  readonly deposit: Money | null;
  /** Charged per day a payment is late. */
  readonly lateFeePerDay: Money | null;
  /** Maintenance visits due per year (maintenance contracts, leases). */
  readonly visitsPerYear: number | null;
  /** Free-text payment schedule ('monthly in advance, by the 5th'). */
  readonly paymentSchedule: string | null;
}

/** What an amendment may change: any of the terms but the start. */
export type TermChanges = Readonly<Partial<Omit<Terms, 'startDate' | 'clauses'>>> & {
  readonly clauses?: Clauses;
};

/** One version of the contract: the terms in force from `effectiveFrom` on. Version 1 is the signed contract. */
export interface TermsVersion {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly terms: Terms;
  /** The amendment that made this version (absent for version 1). */
  readonly amendmentId?: string;
}

/** The terms after an amendment: changed clauses replace their key, other keys stay. */
export function applyChanges(terms: Terms, changes: TermChanges): Terms {
  const { clauses, ...rest } = changes;
  return { ...terms, ...rest, clauses: { ...terms.clauses, ...(clauses ?? {}) } };
}

/**
 * The version in force on a local date: the last whose `effectiveFrom` is on or before it. A date before the start
 * (or before anything was signed) has none. An amendment effective from the 1st leaves the 14th of the month
 * before under the earlier version.
 */
export function versionOn(versions: readonly TermsVersion[], date: string): TermsVersion | undefined {
  let found: TermsVersion | undefined;
  for (const v of versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

/** The clauses a template requires that the terms leave empty, in the template's order. */
export function missingClauses(required: readonly ClauseKey[], clauses: Clauses): ClauseKey[] {
  return required.filter((key) => (clauses[key] ?? '').trim() === '');
}

/** The same day `months` months earlier (or later, when negative), the last day of a shorter month instead. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isContractKind(value: unknown): value is ContractKind {
  return (CONTRACT_KINDS as readonly unknown[]).includes(value);
}

export function isClauseKey(value: unknown): value is ClauseKey {
  return (CLAUSE_KEYS as readonly unknown[]).includes(value);
}

const DAY_MS = 86_400_000;

/**
 * A renewal's terms: the same items and clauses for a term as long, from the day after the end. A term of whole
 * months (1 April – 31 March) renews as whole months; any other as the same number of days.
 */
export function renewalTerms(terms: Terms): Terms {
  const startDate = addDays(terms.endDate, 1);
  const [y1, m1, d1] = terms.startDate.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = startDate.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1);
  if (d1 === d2 && months > 0)
    return { ...terms, startDate, endDate: addDays(monthsBefore(startDate, -months), -1) };
  const days = Math.round((Date.parse(terms.endDate) - Date.parse(terms.startDate)) / DAY_MS);
  return { ...terms, startDate, endDate: addDays(startDate, days) };
}
