import type { ClauseKey, ContractKind } from '../terms/terms';

/** A tenant's template for one kind of contract, at one version: versioned tenant data. */
export interface ContractTemplate {
  readonly kind: ContractKind;
  /** 1 is the default every tenant starts with; each publication adds one. */
  readonly version: number;
  readonly title: string;
  /** A draft missing one of these cannot go to review (nor be signed). */
  readonly requiredClauses: readonly ClauseKey[];
  /** Whether legal must review before signing: always for a lease. */
  readonly reviewRequired: boolean;
  /** How long before the end the expiry notice goes out (the regulations: one month). */
  readonly expiryNoticeMonths: number;
}

export type ContractTemplateState = ContractTemplate;

/** What publishing a template takes from outside the domain. */
export interface ContractTemplateContext {
  readonly now: Date;
}

const template = (
  kind: ContractKind,
  title: string,
  requiredClauses: readonly ClauseKey[],
  reviewRequired: boolean,
): ContractTemplate => ({ kind, version: 1, title, requiredClauses, reviewRequired, expiryNoticeMonths: 1 });

/** The templates a tenant starts with, one per kind (the regulations' key clauses for each). */
export const DEFAULT_TEMPLATES: Readonly<Record<ContractKind, ContractTemplate>> = {
  service_package: template(
    'service_package',
    'Service package agreement',
    ['items', 'fees', 'term', 'breachLiability'],
    false,
  ),
  maintenance: template(
    'maintenance',
    'Maintenance contract',
    ['items', 'fees', 'term', 'maintenanceDuties', 'breachLiability'],
    false,
  ),
  rental_lease: template(
    'rental_lease',
    'Equipment rental lease',
    [
      'items',
      'fees',
      'term',
      'delivery',
      'maintenanceDuties',
      'deposit',
      'breachLiability',
      'latePaymentPenalty',
    ],
    true,
  ),
  warranty: template(
    'warranty',
    'Warranty',
    ['items', 'term', 'maintenanceDuties', 'breachLiability'],
    false,
  ),
};

/** A template's stream starts at the kind's default. */
export const initialContractTemplateState = (kind: ContractKind): ContractTemplateState =>
  DEFAULT_TEMPLATES[kind];
