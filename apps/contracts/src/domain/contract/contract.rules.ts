import { CONTRACT_FIELDS } from '@serviceops/contracts';
import { isLocalDate, RULES } from '@serviceops/kernel';
import { CLAUSE_KEYS, type ContractItem, ITEM_KINDS, missingClauses, type Terms } from '../terms/terms';
import { ContractErrorCode as E, contractError } from './contract.errors';
import {
  type Contract,
  type ContractContext,
  type ContractState,
  type ContractStatus,
  PARTIES,
  type Signature,
  SIGNING_METHODS,
  type Signing,
  statusOn,
} from './contract.state';

// What the contract's use cases share: the lifecycle's guard, the checks of terms, signings and reasons.

/** A command on an existing contract: every one names it (the handler loads that contract's stream with it). */
interface OnContract {
  readonly type: string;
  readonly data: { readonly contractId: string };
}

/**
 * The contract a command acts on, in one of the statuses that allow it (`allowed`: "active" is a signed contract on
 * or after its start date). 404 when the stream holds no such contract; 422 naming the status and the command when
 * its status does not allow it.
 */
export function existing(
  command: OnContract,
  state: ContractState,
  context: ContractContext,
  allowed: readonly ContractStatus[],
): Contract {
  const contract = found(command, state);
  const status = statusOn(contract, context.today);
  if (!allowed.includes(status))
    throw contractError(E.ILLEGAL_TRANSITION, `a contract ${status} cannot take ${command.type}`, {
      status,
      command: command.type,
    });
  return contract;
}

/**
 * As `existing`, for a timer's command: outside its statuses it does nothing (undefined), as a late or repeated
 * timer is harmless.
 */
export function running(
  command: OnContract,
  state: ContractState,
  context: ContractContext,
  allowed: readonly ContractStatus[],
): Contract | undefined {
  const contract = found(command, state);
  return allowed.includes(statusOn(contract, context.today)) ? contract : undefined;
}

function found(command: OnContract, state: ContractState): Contract {
  if (state.status === 'absent' || state.contractId !== command.data.contractId)
    throw contractError(E.CONTRACT_NOT_FOUND, `contract ${command.data.contractId} does not exist`);
  return state;
}

/** An event's evolve case on an existing contract: only ContractDrafted starts a stream, others leave it absent. */
export function onContract<E>(apply: (state: Contract, event: E) => Contract) {
  return (state: ContractState, event: E): ContractState =>
    state.status === 'absent' ? state : apply(state, event);
}

export function headerOf(state: Contract, version: number, effectiveFrom: string) {
  return {
    contractId: state.contractId,
    kind: state.kind,
    title: state.template.title,
    customerId: state.customerId,
    version,
    effectiveFrom,
  };
}

export function assertClauses(state: Contract): void {
  const missing = missingClauses(state.template.requiredClauses, state.terms.clauses);
  const first = missing[0];
  if (first !== undefined)
    throw contractError(E.MISSING_CLAUSE, `the ${state.kind} template requires the clause ${first}`, {
      clause: first,
      missing,
      templateVersion: state.template.version,
    });
}

export function validSigning(
  signing: Signing,
  already: readonly Signature[],
  context: ContractContext,
): Signature {
  const { party, signer, method } = signing;
  if (!(PARTIES as readonly string[]).includes(party))
    throw invalid('party', `must be ${PARTIES.join(' or ')}`);
  if (!(SIGNING_METHODS as readonly string[]).includes(method))
    throw invalid('method', `must be ${SIGNING_METHODS.join(' or ')}`);
  if (!CONTRACT_FIELDS.signer.accepts(signer)) throw invalid('signer', CONTRACT_FIELDS.signer.message);
  if (already.some((s) => s.party === party))
    throw contractError(E.ALREADY_SIGNED_BY_PARTY, `the ${party} has signed already`, { party });
  return { party, signer: signer.trim(), method, signedAt: context.now.toISOString() };
}

/** Well-formed terms (the gateway's schema states the same), then the rule across them: the end after the start. */
export function validTerms(terms: Terms): Terms {
  if (!isLocalDate(terms.startDate)) throw invalid('startDate', 'must be a date YYYY-MM-DD');
  if (!isLocalDate(terms.endDate)) throw invalid('endDate', 'must be a date YYYY-MM-DD');
  if (terms.endDate < terms.startDate)
    throw contractError(E.END_BEFORE_START, 'a contract cannot end before it starts', { field: 'endDate' });
  terms.items.forEach(validItem);
  for (const [key, text] of Object.entries(terms.clauses)) {
    if (!(CLAUSE_KEYS as readonly string[]).includes(key)) throw invalid(`clauses.${key}`, 'is not a clause');
    if (!CONTRACT_FIELDS.clause.accepts(text ?? ''))
      throw invalid(`clauses.${key}`, CONTRACT_FIELDS.clause.message);
  }
  if (terms.paymentSchedule !== null && !CONTRACT_FIELDS.paymentSchedule.accepts(terms.paymentSchedule))
    throw invalid('paymentSchedule', CONTRACT_FIELDS.paymentSchedule.message);
  for (const field of ['rentPerMonth', 'deposit', 'lateFeePerDay'] as const) {
    const m = terms[field];
    if (m !== null && !validMoney(m)) throw invalid(field, 'must be integer minor units and a currency');
  }
  if (terms.visitsPerYear !== null && !(Number.isInteger(terms.visitsPerYear) && terms.visitsPerYear >= 0))
    throw invalid('visitsPerYear', 'must be a whole number');
  return terms;
}

function validItem(item: ContractItem, n: number): void {
  if (!(ITEM_KINDS as readonly string[]).includes(item.kind))
    throw invalid(`items[${n}].kind`, 'service or equipment');
  if (!CONTRACT_FIELDS.itemDescription.accepts(item.description))
    throw invalid(`items[${n}].description`, CONTRACT_FIELDS.itemDescription.message);
  if (!Number.isInteger(item.quantity) || item.quantity < 1)
    throw invalid(`items[${n}].quantity`, 'must be a whole number of at least 1');
  if (!validMoney(item.unitPrice)) throw invalid(`items[${n}].unitPrice`, 'must be integer minor units');
}

function validMoney(m: { amount: number; currency: string }): boolean {
  return Number.isSafeInteger(m.amount) && m.amount >= 0 && RULES.currency.accepts(m.currency);
}

/** A reason given for suspending or terminating: required, trimmed. */
export function reason(text: string): string {
  if (text.trim() === '') throw contractError(E.NO_REASON, 'give a reason');
  if (!CONTRACT_FIELDS.reason.accepts(text)) throw invalid('reason', CONTRACT_FIELDS.reason.message);
  return text.trim();
}

export function invalid(field: string, message: string) {
  return contractError(E.INVALID_TERMS, `${field} ${message}`, { field });
}
