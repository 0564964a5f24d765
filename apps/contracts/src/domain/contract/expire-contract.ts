import { useCase, type Command, type Event } from '@serviceops/kernel';
import { closedWithContract, type RenewalFollowUpClosed } from './close-renewal-follow-up';
import { onContract, running } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

/** The end timer's: no renewal by the end → expired. Harmless when early or repeated. */
export type ExpireContract = Command<'ExpireContract', { contractId: string }>;

export type ContractExpired = Event<
  'ContractExpired',
  { contractId: string; endDate: string; expiredAt: string }
>;

type Recorded = ContractExpired | RenewalFollowUpClosed;

export const expireContract = useCase<
  ExpireContract,
  Recorded,
  ContractState,
  ContractContext,
  'RenewalFollowUpClosed'
>({
  command: 'ExpireContract',
  decide(command, state, context) {
    const contract = running(command, state, context, ['signed', 'active', 'suspended']);
    if (!contract) return [];
    const { endDate } = contract.terms;
    // The last day is still in force: expired from the day after.
    if (context.today <= endDate) return [];
    const at = context.now.toISOString();
    return [
      { type: 'ContractExpired', data: { contractId: contract.contractId, endDate, expiredAt: at } },
      ...closedWithContract(contract, 'dropped', at),
    ];
  },
  evolve: {
    ContractExpired: onContract((state) => ({ ...state, status: 'expired' })),
  },
});
