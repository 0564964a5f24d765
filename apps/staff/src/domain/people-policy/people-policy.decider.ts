import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { changePeoplePolicy } from './change-people-policy';
import {
  initialPeoplePolicyState,
  type PeoplePolicyContext,
  type PeoplePolicyState,
} from './people-policy.state';

/**
 * The tenant's people policy: the list of its use cases, a file each beside this one; the unions, the decider and
 * the generic handler's bindings (application/people-policy.handlers.ts) follow from the list.
 */
export const PEOPLE_POLICY_USE_CASES = [changePeoplePolicy] as const;

export type PeoplePolicyCommand = CommandOf<typeof PEOPLE_POLICY_USE_CASES>;
export type PeoplePolicyEvent = EventOf<typeof PEOPLE_POLICY_USE_CASES>;

export const peoplePolicyDecider = deciderOf<
  typeof PEOPLE_POLICY_USE_CASES,
  PeoplePolicyState,
  PeoplePolicyContext
>(initialPeoplePolicyState, PEOPLE_POLICY_USE_CASES);

/** One policy stream per tenant: 'staff-people-policy-<tenantId>-current'. */
export function peoplePolicyStreamId(tenantId: string): string {
  return streamId('staff-people-policy', tenantId, 'current');
}
