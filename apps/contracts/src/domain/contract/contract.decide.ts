import { CONTRACT_FIELDS, isBusinessLine } from '@serviceops/contracts';
import { isLocalDate, RULES } from '@serviceops/kernel';
import { renderContract } from '../document/contract-document';
import { billingTermsOf, entitlementsOf } from '../terms/entitlements';
import {
  applyChanges,
  CLAUSE_KEYS,
  type ContractItem,
  isContractKind,
  ITEM_KINDS,
  missingClauses,
  type Terms,
} from '../terms/terms';
import {
  type ContractCommand,
  type DraftContract,
  PARTIES,
  SIGNING_METHODS,
  type Signing,
} from './contract.commands';
import { ContractErrorCode as E, contractError } from './contract.errors';
import type { ContractEvent, TemplateRef } from './contract.events';
import {
  type Contract,
  type ContractState,
  type ContractStatus,
  type Signature,
  statusOn,
} from './contract.state';

/** What the contract's decisions take from outside the domain. */
export interface ContractContext {
  readonly now: Date;
  /** The tenant's local date now: a signed contract is active from its start date. */
  readonly today: string;
  /** DraftContract: the tenant's template of the kind, in force now. */
  readonly template?: TemplateRef;
  /** A content hash of a rendered document (the application's sha-256), recorded at signing. */
  readonly hash: (text: string) => string;
}

type ExistingCommand = Exclude<ContractCommand, DraftContract>;

/**
 * The lifecycle: which command each status allows. "active" is a signed contract on or after its start date.
 * Signing a draft straight away is allowed where the kind's template needs no review (checked with the rule).
 */
export const ALLOWED_FROM: Readonly<Record<ExistingCommand['type'], readonly ContractStatus[]>> = {
  ReviseContract: ['draft', 'returned'],
  SubmitContractForReview: ['draft', 'returned'],
  ApproveContract: ['in_review'],
  ReturnContract: ['in_review'],
  SignContract: ['draft', 'returned', 'approved'],
  AmendContract: ['signed', 'active'],
  SignAmendment: ['signed', 'active'],
  SuspendContract: ['active'],
  ResumeContract: ['suspended'],
  TerminateContract: ['signed', 'active', 'suspended'],
  RenewContract: ['signed', 'active', 'suspended'],
  ArchiveContract: ['expired', 'renewed', 'terminated'],
  SendExpiryNotice: ['signed', 'active', 'suspended'],
  CloseRenewalFollowUp: ['signed', 'active', 'suspended'],
  ExpireContract: ['signed', 'active', 'suspended'],
};

/** Commands of the timers: outside their statuses they do nothing (a late or repeated timer is harmless). */
const TIMER_COMMANDS: ReadonlySet<ContractCommand['type']> = new Set(['SendExpiryNotice', 'ExpireContract']);

export function decideContract(
  command: ContractCommand,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (command.type === 'DraftContract') return draftContract(command, state, context);
  if (state.status === 'absent' || state.contractId !== command.data.contractId)
    throw contractError(E.CONTRACT_NOT_FOUND, `contract ${command.data.contractId} does not exist`);
  const status = statusOn(state, context.today);
  if (!ALLOWED_FROM[command.type].includes(status)) {
    if (TIMER_COMMANDS.has(command.type)) return [];
    throw contractError(E.ILLEGAL_TRANSITION, `a contract ${status} cannot take ${command.type}`, {
      status,
      command: command.type,
    });
  }
  return decideExisting(command, state, context);
}

function decideExisting(
  command: ExistingCommand,
  state: Contract,
  context: ContractContext,
): ContractEvent[] {
  const at = context.now.toISOString();
  const { contractId } = state;
  switch (command.type) {
    case 'ReviseContract':
      return [
        {
          type: 'ContractRevised',
          data: { contractId, terms: validTerms(command.data.terms), revisedAt: at },
        },
      ];
    case 'SubmitContractForReview':
      assertClauses(state);
      return [{ type: 'ContractSubmittedForReview', data: { contractId, submittedAt: at } }];
    case 'ApproveContract':
      return [{ type: 'ContractApproved', data: { contractId, approvedAt: at } }];
    case 'ReturnContract': {
      const reasons = command.data.reasons.map((r) => r.trim()).filter((r) => r !== '');
      if (reasons.length === 0) throw contractError(E.NO_REASON, 'a returned contract needs its reasons');
      return [{ type: 'ContractReturned', data: { contractId, reasons, returnedAt: at } }];
    }
    case 'SignContract':
      return signContract(command.data, state, context);
    case 'AmendContract':
      return amendContract(command.data, state, at);
    case 'SignAmendment':
      return signAmendment(command.data, state, context);
    case 'SuspendContract':
      return [
        {
          type: 'ContractSuspended',
          data: { contractId, reason: reason(command.data.reason), suspendedAt: at },
        },
      ];
    case 'ResumeContract':
      return [{ type: 'ContractResumed', data: { contractId, resumedAt: at } }];
    case 'TerminateContract':
      return [
        {
          type: 'ContractTerminated',
          data: {
            contractId,
            reason: reason(command.data.reason),
            terminatedBy: command.data.by,
            terminatedAt: at,
          },
        },
        ...closedWithContract(state, 'dropped', at),
      ];
    case 'RenewContract':
      return [
        {
          type: 'ContractRenewed',
          data: { contractId, successorId: command.data.successorId, renewedAt: at },
        },
        ...closedWithContract(state, 'renewed', at),
      ];
    case 'ArchiveContract':
      return [{ type: 'ContractArchived', data: { contractId, archivedAt: at } }];
    case 'SendExpiryNotice': {
      const { endDate } = state.terms;
      // Never twice for one end; an amendment that moves the end opens a new notice.
      if (state.noticeSentFor === endDate) return [];
      return [
        {
          type: 'ExpiryNoticeSent',
          data: { contractId, endDate, followUpOwner: command.data.followUpOwner, sentAt: at },
        },
      ];
    }
    case 'ExpireContract': {
      const { endDate } = state.terms;
      // The last day is still in force: expired from the day after.
      if (context.today <= endDate) return [];
      return [
        { type: 'ContractExpired', data: { contractId, endDate, expiredAt: at } },
        ...closedWithContract(state, 'dropped', at),
      ];
    }
    case 'CloseRenewalFollowUp': {
      const followUp = state.renewalFollowUp;
      if (followUp?.status !== 'open')
        throw contractError(E.NO_OPEN_FOLLOW_UP, 'the contract has no open renewal follow-up');
      const { outcome, by, asManager } = command.data;
      if (by !== followUp.owner && !asManager)
        throw contractError(E.FOLLOW_UP_FORBIDDEN, 'only its owner or a manager closes a renewal follow-up');
      return [
        {
          type: 'RenewalFollowUpClosed',
          data: { contractId, endDate: followUp.endDate, outcome, closedBy: by, closedAt: at },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/** The open renewal follow-up closes with its contract: renewed, or dropped when it ends without renewal. */
function closedWithContract(state: Contract, outcome: 'renewed' | 'dropped', at: string): ContractEvent[] {
  const followUp = state.renewalFollowUp;
  if (followUp?.status !== 'open') return [];
  const { contractId } = state;
  return [
    {
      type: 'RenewalFollowUpClosed',
      data: { contractId, endDate: followUp.endDate, outcome, closedBy: 'system', closedAt: at },
    },
  ];
}

function draftContract(
  command: DraftContract,
  state: ContractState,
  context: ContractContext,
): ContractEvent[] {
  if (state.status !== 'absent') throw contractError(E.CONTRACT_EXISTS, 'the contract exists already');
  const { contractId, kind, customerId, line, terms, proposalId, predecessorId } = command.data;
  if (!isContractKind(kind)) throw invalid('kind', 'is not a kind of contract');
  if (!isBusinessLine(line)) throw invalid('line', 'is not a business line');
  const { template } = context;
  if (!template) throw new Error('DraftContract needs the template of its kind in its context');
  return [
    {
      type: 'ContractDrafted',
      data: {
        contractId,
        kind,
        customerId,
        line,
        terms: validTerms(terms),
        template,
        proposalId: proposalId ?? null,
        predecessorId: predecessorId ?? null,
        draftedAt: context.now.toISOString(),
      },
    },
  ];
}

function signContract(signing: Signing, state: Contract, context: ContractContext): ContractEvent[] {
  if (state.status !== 'approved') {
    if (state.template.reviewRequired)
      throw contractError(E.REVIEW_REQUIRED, `a ${state.kind} is reviewed by legal before it is signed`, {
        status: state.status,
        command: 'SignContract',
      });
    assertClauses(state);
  }
  const signature = validSigning(signing, state.signatures, context);
  const events: ContractEvent[] = [
    { type: 'ContractSignatureRecorded', data: { contractId: state.contractId, ...signature } },
  ];
  if (state.signatures.length + 1 < PARTIES.length) return events;
  const effectiveFrom = state.terms.startDate;
  const text = renderContract(headerOf(state, 1, effectiveFrom), state.terms);
  events.push({
    type: 'ContractSigned',
    data: {
      contractId: state.contractId,
      version: 1,
      effectiveFrom,
      terms: state.terms,
      documentHash: context.hash(text),
      signedAt: signature.signedAt,
    },
  });
  return [...events, ...published(state, 1, effectiveFrom, state.terms, signature.signedAt)];
}

function amendContract(
  data: { amendmentId: string; effectiveFrom: string; changes: Parameters<typeof applyChanges>[1] },
  state: Contract,
  at: string,
): ContractEvent[] {
  if (state.pending)
    throw contractError(E.AMENDMENT_CONFLICT, 'another amendment is waiting for signatures', {
      pendingAmendmentId: state.pending.amendmentId,
    });
  const { effectiveFrom, changes } = data;
  if (!isLocalDate(effectiveFrom)) throw invalid('effectiveFrom', 'must be a date YYYY-MM-DD');
  const meaningful = Object.entries(changes).filter(
    ([key, value]) =>
      value !== undefined && !(key === 'clauses' && Object.keys(value as object).length === 0),
  );
  if (meaningful.length === 0)
    throw contractError(E.EMPTY_AMENDMENT, 'an amendment changes at least one term');
  const current = state.versions.at(-1);
  if (!current) throw new Error('a signed contract has a version');
  const terms = validTerms(applyChanges(state.terms, changes));
  if (effectiveFrom <= current.effectiveFrom || effectiveFrom > terms.endDate)
    throw contractError(
      E.AMENDMENT_DATE_OUT_OF_TERM,
      `an amendment takes effect after ${current.effectiveFrom} (version ${current.version}) and by the end ${terms.endDate}`,
      { field: 'effectiveFrom' },
    );
  return [
    {
      type: 'AmendmentProposed',
      data: {
        contractId: state.contractId,
        amendmentId: data.amendmentId,
        basedOnVersion: current.version,
        effectiveFrom,
        changes,
        proposedAt: at,
      },
    },
  ];
}

function signAmendment(signing: Signing, state: Contract, context: ContractContext): ContractEvent[] {
  const { pending } = state;
  if (!pending) throw contractError(E.NO_PENDING_AMENDMENT, 'no amendment waits for signatures');
  const signature = validSigning(signing, pending.signatures, context);
  const { contractId } = state;
  const events: ContractEvent[] = [
    {
      type: 'AmendmentSignatureRecorded',
      data: { contractId, amendmentId: pending.amendmentId, ...signature },
    },
  ];
  if (pending.signatures.length + 1 < PARTIES.length) return events;
  const version = pending.basedOnVersion + 1;
  const terms = applyChanges(state.terms, pending.changes);
  const text = renderContract(headerOf(state, version, pending.effectiveFrom), terms);
  events.push({
    type: 'AmendmentSigned',
    data: {
      contractId,
      amendmentId: pending.amendmentId,
      version,
      effectiveFrom: pending.effectiveFrom,
      terms,
      documentHash: context.hash(text),
      signedAt: signature.signedAt,
    },
  });
  return [...events, ...published(state, version, pending.effectiveFrom, terms, signature.signedAt)];
}

/** Entitlements for orders and billing terms for billing, for the version just signed. */
function published(
  state: Contract,
  version: number,
  effectiveFrom: string,
  terms: Terms,
  at: string,
): ContractEvent[] {
  const p = { ...state, version, effectiveFrom, terms, at };
  return [
    { type: 'ContractEntitlementsPublished', data: entitlementsOf(p) },
    { type: 'ContractBillingTermsPublished', data: billingTermsOf(p) },
  ];
}

// --- rules shared by several commands ---------------------------------------------------------------------------

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

function assertClauses(state: Contract): void {
  const missing = missingClauses(state.template.requiredClauses, state.terms.clauses);
  const first = missing[0];
  if (first !== undefined)
    throw contractError(E.MISSING_CLAUSE, `the ${state.kind} template requires the clause ${first}`, {
      clause: first,
      missing,
      templateVersion: state.template.version,
    });
}

function validSigning(signing: Signing, already: readonly Signature[], context: ContractContext): Signature {
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

function reason(text: string): string {
  if (text.trim() === '') throw contractError(E.NO_REASON, 'give a reason');
  if (!CONTRACT_FIELDS.reason.accepts(text)) throw invalid('reason', CONTRACT_FIELDS.reason.message);
  return text.trim();
}

function invalid(field: string, message: string) {
  return contractError(E.INVALID_TERMS, `${field} ${message}`, { field });
}
