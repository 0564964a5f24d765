/**
 * What the staff service's own events say of a person's line and pay, read defensively from stored data (the event
 * types and the fields read from them): the conduct register's projection keeps it per person, and a hire it has
 * not applied yet is folded from the staff member's stream.
 */
export interface PayTerms {
  readonly dailyPay?: { readonly amount?: unknown; readonly currency?: unknown };
}
export interface StaffMemberHiredData {
  readonly staffId?: unknown;
  readonly role?: unknown;
  readonly branchId?: unknown;
  readonly businessLine?: unknown;
  readonly payTerms?: PayTerms;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const pay = (terms: PayTerms | undefined): { amount: number | null; currency: string | null } => {
  const amount = terms?.dailyPay?.amount;
  const currency = str(terms?.dailyPay?.currency);
  return Number.isSafeInteger(amount) && currency !== null
    ? { amount: amount as number, currency }
    : { amount: null, currency: null };
};

/**
 * What a staff member's own stream says of their line and pay, folded from its events: for a hire the projection
 * has not applied yet (the register asks right after hiring). `known` once the stream holds the hire.
 */
export function factsOfMemberEvents(events: readonly { readonly type: string; readonly data: unknown }[]): {
  readonly known: boolean;
  readonly businessLine: string | null;
  readonly dailyPay: { readonly amount: number; readonly currency: string } | null;
} {
  let facts: ReturnType<typeof factsOfMemberEvents> = { known: false, businessLine: null, dailyPay: null };
  for (const event of events) {
    if (event.type !== 'StaffMemberHired' && event.type !== 'PayTermsChanged') continue;
    const data = event.data as StaffMemberHiredData;
    const { amount, currency } = pay(data.payTerms);
    const dailyPay = amount !== null && currency !== null ? { amount, currency } : null;
    facts =
      event.type === 'StaffMemberHired'
        ? { known: true, businessLine: str(data.businessLine), dailyPay }
        : { ...facts, dailyPay };
  }
  return facts;
}
