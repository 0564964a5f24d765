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

/** Longest expiry notice a template may set, in months (the regulations ask for one month before the end). */
export const MAX_NOTICE_MONTHS = 12;

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
/**
 * A renewal follow-up (opened by the expiry notice, for its owner): open until its owner or a manager closes it
 * (done, dropped), or the contract closes it (renewed; dropped when it expires or is terminated).
 */
export const FOLLOW_UP_STATUSES = ['open', 'done', 'renewed', 'dropped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** The outcomes its owner or a manager may close a follow-up with (a renewal is RenewContract's). */
export const FOLLOW_UP_OUTCOMES = ['done', 'dropped'] as const satisfies readonly FollowUpStatus[];
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
