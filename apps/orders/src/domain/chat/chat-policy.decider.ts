import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { DEFAULT_CHAT_POLICY, type ChatPolicy } from './chat.rules';
import { type ChatPolicyContext, setChatPolicy } from './set-chat-policy';

export type { ChatPolicyContext, ChatPolicySet, SetChatPolicy } from './set-chat-policy';

/** The tenant's chat policy: the list of its use cases (one: setting it), a file each beside this one. */
export const CHAT_POLICY_USE_CASES = [setChatPolicy] as const;

export type ChatPolicyCommand = CommandOf<typeof CHAT_POLICY_USE_CASES>;
export type ChatPolicyEvent = EventOf<typeof CHAT_POLICY_USE_CASES>;

export const chatPolicyDecider = deciderOf<typeof CHAT_POLICY_USE_CASES, ChatPolicy, ChatPolicyContext>(
  () => DEFAULT_CHAT_POLICY,
  CHAT_POLICY_USE_CASES,
);

/** One policy stream per tenant: 'chat-policy-<tenantId>-<tenantId>'. */
export const chatPolicyStreamId = (tenantId: string): string => streamId('chat-policy', tenantId, tenantId);
