/** The contracts service's published vocabulary: its domain decides with these, the gateway's schema states them. */

export const CONTRACT_KINDS = ['service_package', 'maintenance', 'rental_lease', 'warranty'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** The key clauses a template can require (the regulations' list: items, fees, term, delivery, …). */
export const CLAUSE_KEYS = [
  'items',
  'fees',
  'term',
  'delivery',
  'maintenanceDuties',
  'deposit',
  'breachLiability',
  'latePaymentPenalty',
] as const;
export type ClauseKey = (typeof CLAUSE_KEYS)[number];

export const ITEM_KINDS = ['service', 'equipment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const PARTIES = ['customer', 'provider'] as const;
export type Party = (typeof PARTIES)[number];

export const SIGNING_METHODS = ['paper', 'electronic'] as const;
export type SigningMethod = (typeof SIGNING_METHODS)[number];

/** Stored statuses. "active" is not stored: a signed contract is active from its start date. */
export const CONTRACT_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'signed',
  'suspended',
  'expired',
  'renewed',
  'terminated',
  'archived',
] as const;
/** What a caller sees and filters by. */
export const CONTRACT_VIEW_STATUSES = [...CONTRACT_STATUSES, 'active'] as const;

export const PROPOSAL_STATUSES = ['drafted', 'sent', 'accepted', 'declined', 'expired'] as const;
