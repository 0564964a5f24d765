import type { ContractExpiryNoticeSentV1 } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { onContract, running } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

/** The expiry timer's: a notice before the end, with the owner of the renewal follow-up. Harmless when repeated. */
export type SendExpiryNotice = Command<'SendExpiryNotice', { contractId: string; followUpOwner: string }>;

/** Published (ContractExpiryNoticeSentV1): opens the renewal follow-up. */
export type ExpiryNoticeSent = Event<'ExpiryNoticeSent', ContractExpiryNoticeSentV1>;

export const sendExpiryNotice = useCase<SendExpiryNotice, ExpiryNoticeSent, ContractState, ContractContext>({
  command: 'SendExpiryNotice',
  decide(command, state, context) {
    const contract = running(command, state, context, ['signed', 'active', 'suspended']);
    if (!contract) return [];
    const { endDate } = contract.terms;
    // Never twice for one end; an amendment that moves the end opens a new notice.
    if (contract.noticeSentFor === endDate) return [];
    return [
      {
        type: 'ExpiryNoticeSent',
        data: {
          contractId: contract.contractId,
          endDate,
          followUpOwner: command.data.followUpOwner,
          sentAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ExpiryNoticeSent: onContract((state, event) => {
      const { endDate, followUpOwner, sentAt } = event.data;
      return {
        ...state,
        noticeSentFor: endDate,
        renewalFollowUp: { owner: followUpOwner, endDate, status: 'open', openedAt: sentAt },
      };
    }),
  },
});
