import type { Contract, ContractStatus } from '../domain/contract/contract.state';
import { statusOn } from '../domain/contract/contract.state';
import { versionOn, type Clauses, type Terms, type TermsVersion } from '../domain/terms/terms';

/** A contract as the API answers it: the proto's Contract. */
export interface ContractView {
  readonly id: string;
  readonly version: number;
  readonly status: ContractStatus;
  readonly kind: string;
  readonly customerId: string;
  readonly line: string;
  readonly templateVersion: number;
  readonly reviewRequired: boolean;
  readonly terms: Terms;
  readonly termsVersion?: number;
  readonly versions: readonly TermsVersion[];
  readonly signatures: Contract['signatures'];
  readonly pending?: Contract['pending'];
  readonly returnReasons: readonly string[];
  readonly proposalId?: string;
  readonly predecessorId?: string;
  readonly successorId?: string;
  readonly asOf?: string;
}

/**
 * The contract on `today`: its status then, and the terms in force on `asOf` when given (else today's, or the
 * latest version before the start, or the draft's before signing).
 */
export function contractViewOf(state: Contract, version: number, today: string, asOf?: string): ContractView {
  const on = asOf ?? today;
  const inForce = versionOn(state.versions, on) ?? (asOf === undefined ? state.versions.at(-1) : undefined);
  return {
    id: state.contractId,
    version,
    status: statusOn(state, on),
    kind: state.kind,
    customerId: state.customerId,
    line: state.line,
    templateVersion: state.template.version,
    reviewRequired: state.template.reviewRequired,
    terms: inForce?.terms ?? state.terms,
    ...(inForce ? { termsVersion: inForce.version } : {}),
    versions: state.versions,
    signatures: state.signatures,
    ...(state.pending ? { pending: state.pending } : {}),
    returnReasons: state.returnReasons ?? [],
    ...(state.proposalId ? { proposalId: state.proposalId } : {}),
    ...(state.predecessorId ? { predecessorId: state.predecessorId } : {}),
    ...(state.successorId ? { successorId: state.successorId } : {}),
    ...(asOf ? { asOf } : {}),
  };
}

/** What a personal text shows as to a role that may not see personal data (finance, auditors…). */
export const MASK = '***';

function maskClauses(clauses: Clauses): Clauses {
  return Object.fromEntries(Object.keys(clauses).map((key) => [key, MASK]));
}

export function maskTerms(terms: Terms): Terms {
  return { ...terms, clauses: maskClauses(terms.clauses) };
}

/**
 * The contract as a caller sees it: in clear for the roles that see personal data (seesPersonalData), else its
 * clause texts, signers and return reasons masked (PERSONAL_TEXT.contract); ids, dates, items and money stay.
 */
export function seenBy(view: ContractView, clear: boolean): ContractView {
  if (clear) return view;
  const signatures = view.signatures.map((s) => ({ ...s, signer: MASK }));
  return {
    ...view,
    terms: maskTerms(view.terms),
    versions: view.versions.map((v) => ({ ...v, terms: maskTerms(v.terms) })),
    signatures,
    ...(view.pending
      ? {
          pending: {
            ...view.pending,
            changes: view.pending.changes.clauses
              ? { ...view.pending.changes, clauses: maskClauses(view.pending.changes.clauses) }
              : view.pending.changes,
            signatures: view.pending.signatures.map((s) => ({ ...s, signer: MASK })),
          },
        }
      : {}),
    returnReasons: view.returnReasons.map(() => MASK),
  };
}

/** A renewal follow-up as the API answers it: the proto's RenewalFollowUp (the contract's version its ETag). */
export interface RenewalFollowUpView {
  readonly contractId: string;
  readonly version: number;
  readonly owner: string;
  readonly endDate: string;
  readonly status: string;
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly closedBy?: string;
}

export function renewalFollowUpViewOf(
  contractId: string,
  version: number,
  followUp: NonNullable<Contract['renewalFollowUp']>,
): RenewalFollowUpView {
  return { contractId, version, ...followUp };
}
