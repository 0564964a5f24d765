import { isLocalDate, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { changesOf, type TermChangesMessage } from '../terms/messages';
import { applyChanges, type TermChanges } from '../terms/terms';
import { ContractErrorCode as E, contractError } from './contract.errors';
import { existing, invalid, onContract, validTerms } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type AmendContract = Command<
  'AmendContract',
  { contractId: string; amendmentId: string; effectiveFrom: string; changes: TermChanges }
>;

export type AmendmentProposed = Event<
  'AmendmentProposed',
  {
    contractId: string;
    amendmentId: string;
    basedOnVersion: number;
    effectiveFrom: string;
    changes: TermChanges;
    proposedAt: string;
  }
>;

/** An amendment proposed to the version in force: one at a time, waiting for both parties' signatures. */
export const amendContract = useCase<AmendContract, AmendmentProposed, ContractState, ContractContext>({
  command: 'AmendContract',
  handles: {
    rpc: 'contracts.AmendContract',
    command: (
      request: { id: string; effectiveFrom?: string; changes?: TermChangesMessage },
      { newId }: Caller,
    ) => ({
      type: 'AmendContract',
      data: {
        contractId: request.id,
        amendmentId: newId,
        effectiveFrom: request.effectiveFrom ?? '',
        changes: changesOf(request.changes),
      },
    }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['signed', 'active']);
    if (contract.pending)
      throw contractError(E.AMENDMENT_CONFLICT, 'another amendment is waiting for signatures', {
        pendingAmendmentId: contract.pending.amendmentId,
      });
    const { effectiveFrom, changes } = command.data;
    if (!isLocalDate(effectiveFrom)) throw invalid('effectiveFrom', 'must be a date YYYY-MM-DD');
    const meaningful = Object.entries(changes).filter(
      ([key, value]) =>
        value !== undefined && !(key === 'clauses' && Object.keys(value as object).length === 0),
    );
    if (meaningful.length === 0)
      throw contractError(E.EMPTY_AMENDMENT, 'an amendment changes at least one term');
    const current = contract.versions.at(-1);
    if (!current) throw new Error('a signed contract has a version');
    const terms = validTerms(applyChanges(contract.terms, changes));
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
          contractId: contract.contractId,
          amendmentId: command.data.amendmentId,
          basedOnVersion: current.version,
          effectiveFrom,
          changes,
          proposedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    AmendmentProposed: onContract((state, event) => {
      const { amendmentId, basedOnVersion, effectiveFrom, changes } = event.data;
      return { ...state, pending: { amendmentId, basedOnVersion, effectiveFrom, changes, signatures: [] } };
    }),
  },
});
