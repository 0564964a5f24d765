import { moneyOfMessage, type Money, type MoneyMessage } from '@serviceops/kernel';
import type { Clauses, ContractItem, ItemKind, TermChanges, Terms } from './terms';

// gRPC messages as the proto loader gives them (camelCase, int64 as strings, absent fields undefined) → domain:
// pure, so that a use case's `handles` maps its request with them.

export interface ItemMessage {
  readonly kind?: string;
  readonly description?: string;
  readonly quantity?: number;
  readonly unitPrice?: MoneyMessage;
}
export interface TermsMessage {
  readonly startDate?: string;
  readonly endDate?: string;
  readonly items?: readonly ItemMessage[];
  readonly clauses?: Readonly<Record<string, string | undefined>>;
  readonly rentPerMonth?: MoneyMessage;
  readonly deposit?: MoneyMessage;
  readonly lateFeePerDay?: MoneyMessage;
  readonly visitsPerYear?: number;
  readonly paymentSchedule?: string;
}
export interface TermChangesMessage extends Omit<TermsMessage, 'startDate' | 'items'> {
  readonly items?: { readonly items?: readonly ItemMessage[] };
}

const moneyOrNull = (m: MoneyMessage | undefined): Money | null => (m ? moneyOfMessage(m) : null);

export function itemOf(i: ItemMessage): ContractItem {
  return {
    kind: (i.kind ?? '') as ItemKind,
    description: i.description ?? '',
    quantity: i.quantity ?? 0,
    unitPrice: moneyOfMessage(i.unitPrice ?? {}),
  };
}

export function clausesOf(c: TermsMessage['clauses'] = {}): Clauses {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}

export function termsOf(t: TermsMessage = {}): Terms {
  return {
    startDate: t.startDate ?? '',
    endDate: t.endDate ?? '',
    items: (t.items ?? []).map(itemOf),
    clauses: clausesOf(t.clauses),
    rentPerMonth: moneyOrNull(t.rentPerMonth),
    deposit: moneyOrNull(t.deposit),
    lateFeePerDay: moneyOrNull(t.lateFeePerDay),
    visitsPerYear: t.visitsPerYear ?? null,
    paymentSchedule: t.paymentSchedule ?? null,
  };
}

/** Only the fields the amendment names. */
export function changesOf(c: TermChangesMessage = {}): TermChanges {
  return {
    ...(c.endDate !== undefined ? { endDate: c.endDate } : {}),
    ...(c.items !== undefined ? { items: (c.items.items ?? []).map(itemOf) } : {}),
    ...(c.clauses !== undefined ? { clauses: clausesOf(c.clauses) } : {}),
    ...(c.rentPerMonth !== undefined ? { rentPerMonth: moneyOfMessage(c.rentPerMonth) } : {}),
    ...(c.deposit !== undefined ? { deposit: moneyOfMessage(c.deposit) } : {}),
    ...(c.lateFeePerDay !== undefined ? { lateFeePerDay: moneyOfMessage(c.lateFeePerDay) } : {}),
    ...(c.visitsPerYear !== undefined ? { visitsPerYear: c.visitsPerYear } : {}),
    ...(c.paymentSchedule !== undefined ? { paymentSchedule: c.paymentSchedule } : {}),
  };
}
