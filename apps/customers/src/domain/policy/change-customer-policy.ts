import { useCase, type Command, type Event } from '@serviceops/kernel';
import { samePolicy, validateCustomerPolicy } from './customer-policy.rules';
import type { CustomerPolicy, CustomerPolicyContext, CustomerPolicyState } from './customer-policy.state';

/** The whole policy, every field given. */
export type ChangeCustomerPolicy = Command<'ChangeCustomerPolicy', { readonly policy: CustomerPolicy }>;

export type CustomerPolicyChanged = Event<
  'CustomerPolicyChanged',
  { version: number; policy: CustomerPolicy; changedAt: string }
>;

/** The policy as the proto decodes it: proto3 leaves out a false, a 0 and "no periodic visits" (null). */
interface ChangeCustomerPolicyMessage {
  readonly inquiryReply?: { withinBusinessHours?: number };
  readonly returnVisits?: { afterServiceDays?: number; everyDays?: number };
  readonly care?: { birthdays?: boolean; holidays?: boolean; hour?: number };
}

export const changeCustomerPolicy = useCase<
  ChangeCustomerPolicy,
  CustomerPolicyChanged,
  CustomerPolicyState,
  CustomerPolicyContext
>({
  command: 'ChangeCustomerPolicy',
  handles: {
    rpc: 'customers.ChangeCustomerPolicy',
    // A group left out stays out, for the decision to refuse (it checks the policy as it may come from JSON).
    command: ({ inquiryReply, returnVisits, care }: ChangeCustomerPolicyMessage) => ({
      type: 'ChangeCustomerPolicy',
      data: {
        policy: {
          inquiryReply,
          returnVisits: returnVisits && { ...returnVisits, everyDays: returnVisits.everyDays ?? null },
          care: care && { birthdays: false, holidays: false, hour: 0, ...care },
        } as CustomerPolicy,
      },
    }),
  },
  decide(command, state, context) {
    const policy = validateCustomerPolicy(command.data.policy);
    if (samePolicy(policy, state.policy)) return [];
    return [
      {
        type: 'CustomerPolicyChanged',
        data: { version: state.version + 1, policy, changedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    CustomerPolicyChanged: (_state, event) => {
      const { version, policy, changedAt } = event.data;
      return { version, policy, changedAt };
    },
  },
});
