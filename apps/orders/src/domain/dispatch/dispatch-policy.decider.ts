import { deciderOf, type CommandOf, type EventOf, streamId } from '@serviceops/kernel';
import { changeDispatchPolicy } from './change-dispatch-policy';
import {
  DEFAULT_DISPATCH_POLICY,
  type DispatchPolicy,
  type DispatchPolicyContext,
} from './dispatch-policy.state';

export type { ChangeDispatchPolicy, DispatchPolicyChanged } from './change-dispatch-policy';
export * from './dispatch-policy.state';

/** The tenant's dispatch policy: the list of its use cases (one: changing it), a file each beside this one. */
export const DISPATCH_POLICY_USE_CASES = [changeDispatchPolicy] as const;

export type DispatchPolicyCommand = CommandOf<typeof DISPATCH_POLICY_USE_CASES>;
export type DispatchPolicyEvent = EventOf<typeof DISPATCH_POLICY_USE_CASES>;

export const dispatchPolicyDecider = deciderOf<
  typeof DISPATCH_POLICY_USE_CASES,
  DispatchPolicy,
  DispatchPolicyContext
>(() => DEFAULT_DISPATCH_POLICY, DISPATCH_POLICY_USE_CASES);

/** One policy stream per tenant: 'dispatch-policy-<tenantId>-<tenantId>'. */
export const dispatchPolicyStreamId = (tenantId: string): string =>
  streamId('dispatch-policy', tenantId, tenantId);
