import type { Money } from '@serviceops/kernel';
import type { FollowUpStatus } from '../contracts.vocabulary';

/**
 * What the contracts service publishes on `contracts.events.v1` for other services to act on: at signing and at
 * each signed amendment (one pair per version, in force from `effectiveFrom`), and the renewal follow-up's notice
 * and close. Customers and users are named by id.
 */
export type ContractKindV1 = 'service_package' | 'maintenance' | 'rental_lease' | 'warranty';

/** For orders: what the customer is entitled to under this version. */
export interface ContractEntitlementsPublishedV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly kind: ContractKindV1;
  readonly line: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly endDate: string;
  /** A package's sessions: in the package, and left (used ones come from orders' events). */
  readonly sessions: { readonly total: number; readonly left: number } | null;
  /** Maintenance visits due, local dates within the term. */
  readonly maintenanceVisitsDue: readonly string[];
  /** Equipment on lease. */
  readonly equipment: readonly { readonly description: string; readonly quantity: number }[];
  /** A warranty's coverage: the products, the period, what is covered. */
  readonly warranty: {
    readonly products: readonly string[];
    readonly from: string;
    readonly to: string;
    /** The maintenance-duties clause, sealed with the customer's data key (free text that may name people). */
    readonly covered: string;
  } | null;
  readonly publishedAt: string;
}

/** For billing: what to charge under this version. */
export interface ContractBillingTermsPublishedV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly endDate: string;
  /** The items' total (quantity × unit price), per currency's minor units. */
  readonly itemsTotal: Money | null;
  readonly rentPerMonth: Money | null;
  readonly deposit: Money | null;
  readonly paymentSchedule: string | null;
  readonly lateFeePerDay: Money | null;
  readonly publishedAt: string;
}

/** Sent a month (the template's policy) before the end: a renewal follow-up with its owner. */
export interface ContractExpiryNoticeSentV1 {
  readonly contractId: string;
  readonly endDate: string;
  readonly followUpOwner: string;
  readonly sentAt: string;
}

/**
 * The renewal follow-up closed: by its owner or a manager (`done`, `dropped`), or with the contract (`renewed`;
 * `dropped` when it expires or is terminated), `closedBy` the user's id or `system`: whoever follows up renewals
 * stops chasing this one.
 */
export interface ContractRenewalFollowUpClosedV1 {
  readonly contractId: string;
  /** The end the follow-up was opened for (its ExpiryNoticeSent's). */
  readonly endDate: string;
  readonly outcome: Exclude<FollowUpStatus, 'open'>;
  readonly closedBy: string;
  readonly closedAt: string;
}

export type ContractsPublishedEvent =
  | { readonly type: 'ContractEntitlementsPublished'; readonly data: ContractEntitlementsPublishedV1 }
  | { readonly type: 'ContractBillingTermsPublished'; readonly data: ContractBillingTermsPublishedV1 }
  | { readonly type: 'ExpiryNoticeSent'; readonly data: ContractExpiryNoticeSentV1 }
  | { readonly type: 'RenewalFollowUpClosed'; readonly data: ContractRenewalFollowUpClosedV1 };
