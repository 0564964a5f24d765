import type { Party, SigningMethod } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { renderContract } from '../document/contract-document';
import { applyChanges, type Terms } from '../terms/terms';
import { ContractErrorCode as E, contractError } from './contract.errors';
import { existing, headerOf, onContract, validSigning } from './contract.rules';
import { type ContractContext, type ContractState, PARTIES, type Signing } from './contract.state';
import {
  published,
  signingOf,
  type ContractBillingTermsPublished,
  type ContractEntitlementsPublished,
  type SigningMessage,
} from './sign-contract';

export type SignAmendment = Command<'SignAmendment', { contractId: string } & Signing>;

export type AmendmentSignatureRecorded = Event<
  'AmendmentSignatureRecorded',
  {
    contractId: string;
    amendmentId: string;
    party: Party;
    signer: string;
    method: SigningMethod;
    signedAt: string;
  }
>;
/** Both parties signed the amendment: a new version, in force from its effective date. */
export type AmendmentSigned = Event<
  'AmendmentSigned',
  {
    contractId: string;
    amendmentId: string;
    version: number;
    effectiveFrom: string;
    terms: Terms;
    documentHash: string;
    signedAt: string;
  }
>;

type Recorded =
  | AmendmentSignatureRecorded
  | AmendmentSigned
  | ContractEntitlementsPublished
  | ContractBillingTermsPublished;

/** A party signs the pending amendment: once both have, it is the new version, and published as signing is. */
export const signAmendment = useCase<
  SignAmendment,
  Recorded,
  ContractState,
  ContractContext,
  'ContractEntitlementsPublished' | 'ContractBillingTermsPublished'
>({
  command: 'SignAmendment',
  handles: {
    rpc: 'contracts.SignAmendment',
    command: (request: SigningMessage) => ({ type: 'SignAmendment', data: signingOf(request) }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['signed', 'active']);
    const { pending } = contract;
    if (!pending) throw contractError(E.NO_PENDING_AMENDMENT, 'no amendment waits for signatures');
    const signature = validSigning(command.data, pending.signatures, context);
    const { contractId } = contract;
    const events: (AmendmentSignatureRecorded | AmendmentSigned)[] = [
      {
        type: 'AmendmentSignatureRecorded',
        data: { contractId, amendmentId: pending.amendmentId, ...signature },
      },
    ];
    if (pending.signatures.length + 1 < PARTIES.length) return events;
    const version = pending.basedOnVersion + 1;
    const terms = applyChanges(contract.terms, pending.changes);
    const text = renderContract(headerOf(contract, version, pending.effectiveFrom), terms);
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
    return [...events, ...published(contract, version, pending.effectiveFrom, terms, signature.signedAt)];
  },
  evolve: {
    AmendmentSignatureRecorded: onContract((state, event) => {
      if (!state.pending) return state;
      const { party, signer, method, signedAt } = event.data;
      const signatures = [...state.pending.signatures, { party, signer, method, signedAt }];
      return { ...state, pending: { ...state.pending, signatures } };
    }),
    AmendmentSigned: onContract((state, event) => {
      const { version, effectiveFrom, terms, amendmentId } = event.data;
      const { pending: _done, ...rest } = state;
      return {
        ...rest,
        terms,
        versions: [...state.versions, { version, effectiveFrom, terms, amendmentId }],
      };
    }),
  },
});
