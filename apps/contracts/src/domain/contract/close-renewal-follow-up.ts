import type { ContractRenewalFollowUpClosedV1, FollowUpOutcome } from '@serviceops/contracts';
import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { ContractErrorCode as E, contractError } from './contract.errors';
import { existing, onContract } from './contract.rules';
import type { Contract, ContractContext, ContractState } from './contract.state';

/** Its owner (or a manager, `asManager`) closes the open renewal follow-up with an outcome. */
export type CloseRenewalFollowUp = Command<
  'CloseRenewalFollowUp',
  { contractId: string; outcome: FollowUpOutcome; by: string; asManager: boolean }
>;

/**
 * Published (ContractRenewalFollowUpClosedV1): the renewal follow-up closed, by its owner or a manager, or with
 * the contract (renewed, ended: `system`, see `closedWithContract`).
 */
export type RenewalFollowUpClosed = Event<'RenewalFollowUpClosed', ContractRenewalFollowUpClosedV1>;

/** The open renewal follow-up closes with its contract: renewed, or dropped when it ends without renewal. */
export function closedWithContract(
  state: Contract,
  outcome: 'renewed' | 'dropped',
  at: string,
): RenewalFollowUpClosed[] {
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

export const closeRenewalFollowUp = useCase<
  CloseRenewalFollowUp,
  RenewalFollowUpClosed,
  ContractState,
  ContractContext
>({
  command: 'CloseRenewalFollowUp',
  handles: {
    rpc: 'contracts.CloseRenewalFollowUp',
    // `asManager` is the caller's roles', not the request's: false here, set by its handler
    // (application/contract.handlers.ts) from the call, which the mapping is not given.
    command: (request: { id: string; outcome?: string }, { actorId }: Caller) => ({
      type: 'CloseRenewalFollowUp',
      data: {
        contractId: request.id,
        outcome: (request.outcome ?? '') as FollowUpOutcome,
        by: actorId,
        asManager: false,
      },
    }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['signed', 'active', 'suspended']);
    const followUp = contract.renewalFollowUp;
    if (followUp?.status !== 'open')
      throw contractError(E.NO_OPEN_FOLLOW_UP, 'the contract has no open renewal follow-up');
    const { outcome, by, asManager } = command.data;
    if (by !== followUp.owner && !asManager)
      throw contractError(E.FOLLOW_UP_FORBIDDEN, 'only its owner or a manager closes a renewal follow-up');
    return [
      {
        type: 'RenewalFollowUpClosed',
        data: {
          contractId: contract.contractId,
          endDate: followUp.endDate,
          outcome,
          closedBy: by,
          closedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    RenewalFollowUpClosed: onContract((state, event) => {
      const { outcome, closedAt, closedBy } = event.data;
      if (!state.renewalFollowUp) return state;
      return { ...state, renewalFollowUp: { ...state.renewalFollowUp, status: outcome, closedAt, closedBy } };
    }),
  },
});
