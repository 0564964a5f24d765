import type {
  ContractBillingTermsPublishedV1,
  ContractEntitlementsPublishedV1,
  Party,
  SigningMethod,
} from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { renderContract } from '../document/contract-document';
import { billingTermsOf, entitlementsOf } from '../terms/entitlements';
import type { Terms } from '../terms/terms';
import { ContractErrorCode as E, contractError } from './contract.errors';
import { assertClauses, existing, headerOf, onContract, validSigning } from './contract.rules';
import {
  type Contract,
  type ContractContext,
  type ContractState,
  PARTIES,
  type Signing,
} from './contract.state';

export type SignContract = Command<'SignContract', { contractId: string } & Signing>;

export type ContractSignatureRecorded = Event<
  'ContractSignatureRecorded',
  { contractId: string; party: Party; signer: string; method: SigningMethod; signedAt: string }
>;
/** Both parties signed: version 1, in force from the start date. */
export type ContractSigned = Event<
  'ContractSigned',
  {
    contractId: string;
    version: 1;
    effectiveFrom: string;
    terms: Terms;
    documentHash: string;
    signedAt: string;
  }
>;
/** For orders and billing, at signing and at each signed amendment (libs/contracts/src/events). */
export type ContractEntitlementsPublished = Event<
  'ContractEntitlementsPublished',
  ContractEntitlementsPublishedV1
>;
export type ContractBillingTermsPublished = Event<
  'ContractBillingTermsPublished',
  ContractBillingTermsPublishedV1
>;

/** A party's signature as the gRPC request carries it (signing a contract or an amendment). */
export interface SigningMessage {
  readonly id: string;
  readonly party?: string;
  readonly signer?: string;
  readonly method?: string;
}

export function signingOf(request: SigningMessage): { contractId: string } & Signing {
  return {
    contractId: request.id,
    party: (request.party ?? '') as Party,
    signer: request.signer ?? '',
    method: (request.method ?? '') as SigningMethod,
  };
}

/** Entitlements for orders and billing terms for billing, for the version just signed. */
export function published(
  state: Contract,
  version: number,
  effectiveFrom: string,
  terms: Terms,
  at: string,
): (ContractEntitlementsPublished | ContractBillingTermsPublished)[] {
  const p = { ...state, version, effectiveFrom, terms, at };
  return [
    { type: 'ContractEntitlementsPublished', data: entitlementsOf(p) },
    { type: 'ContractBillingTermsPublished', data: billingTermsOf(p) },
  ];
}

/**
 * A party signs: once both have, the contract is signed (version 1) and its entitlements and billing terms are
 * published. Signing a draft straight away is allowed where the kind's template needs no review.
 */
export const signContract = useCase<
  SignContract,
  ContractSignatureRecorded | ContractSigned | ContractEntitlementsPublished | ContractBillingTermsPublished,
  ContractState,
  ContractContext
>({
  command: 'SignContract',
  handles: {
    rpc: 'contracts.SignContract',
    command: (request: SigningMessage) => ({ type: 'SignContract', data: signingOf(request) }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['draft', 'returned', 'approved']);
    if (contract.status !== 'approved') {
      if (contract.template.reviewRequired)
        throw contractError(
          E.REVIEW_REQUIRED,
          `a ${contract.kind} is reviewed by legal before it is signed`,
          {
            status: contract.status,
            command: 'SignContract',
          },
        );
      assertClauses(contract);
    }
    const signature = validSigning(command.data, contract.signatures, context);
    const events: (ContractSignatureRecorded | ContractSigned)[] = [
      { type: 'ContractSignatureRecorded', data: { contractId: contract.contractId, ...signature } },
    ];
    if (contract.signatures.length + 1 < PARTIES.length) return events;
    const effectiveFrom = contract.terms.startDate;
    const text = renderContract(headerOf(contract, 1, effectiveFrom), contract.terms);
    events.push({
      type: 'ContractSigned',
      data: {
        contractId: contract.contractId,
        version: 1,
        effectiveFrom,
        terms: contract.terms,
        documentHash: context.hash(text),
        signedAt: signature.signedAt,
      },
    });
    return [...events, ...published(contract, 1, effectiveFrom, contract.terms, signature.signedAt)];
  },
  evolve: {
    ContractSignatureRecorded: onContract((state, event) => {
      const { party, signer, method, signedAt } = event.data;
      return { ...state, signatures: [...state.signatures, { party, signer, method, signedAt }] };
    }),
    ContractSigned: onContract((state, event) => {
      const { version, effectiveFrom, terms } = event.data;
      return { ...state, status: 'signed', terms, versions: [{ version, effectiveFrom, terms }] };
    }),
    // Published for other services (here and by sign-amendment.ts); the contract itself is unchanged.
    ContractEntitlementsPublished: (state) => state,
    ContractBillingTermsPublished: (state) => state,
  },
});
