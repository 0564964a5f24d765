import { streamId, type Decider, type Event } from '@serviceops/kernel';
import {
  CHAT_LIMITS,
  ChatErrorCode as E,
  chatError,
  DEFAULT_CHAT_POLICY,
  type ChatPolicy,
} from './chat.rules';

/** The tenant's chat policy, versioned: each ChatPolicySet is the next version; decisions record the one applied. */
export type SetChatPolicy = {
  readonly type: 'SetChatPolicy';
  readonly data: { readonly samplePercent: number; readonly scoreMin: number; readonly scoreMax: number };
};
export type ChatPolicySet = Event<
  'ChatPolicySet',
  { version: number; samplePercent: number; scoreMin: number; scoreMax: number; setAt: string }
>;

const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

function decide(
  command: SetChatPolicy,
  state: ChatPolicy,
  { now }: { readonly now: Date },
): readonly ChatPolicySet[] {
  const { samplePercent, scoreMin, scoreMax } = command.data;
  if (!whole(samplePercent, CHAT_LIMITS.percentMax))
    throw chatError(E.INVALID_CHAT_POLICY, `samplePercent is a whole number 0–${CHAT_LIMITS.percentMax}`);
  if (!whole(scoreMin, CHAT_LIMITS.scoreMax) || !whole(scoreMax, CHAT_LIMITS.scoreMax))
    throw chatError(E.INVALID_CHAT_POLICY, `scores are whole numbers 0–${CHAT_LIMITS.scoreMax}`);
  if (scoreMin >= scoreMax) throw chatError(E.SCORE_RANGE_REVERSED, 'scoreMin is below scoreMax');
  return [
    {
      type: 'ChatPolicySet',
      data: { version: state.version + 1, samplePercent, scoreMin, scoreMax, setAt: now.toISOString() },
    },
  ];
}

function evolve(_state: ChatPolicy, event: ChatPolicySet): ChatPolicy {
  const { version, samplePercent, scoreMin, scoreMax } = event.data;
  return { version, samplePercent, scoreMin, scoreMax };
}

export const chatPolicyDecider: Decider<SetChatPolicy, ChatPolicySet, ChatPolicy, { readonly now: Date }> = {
  initialState: () => DEFAULT_CHAT_POLICY,
  decide,
  evolve,
};

/** One policy stream per tenant: 'chat-policy-<tenantId>-<tenantId>'. */
export const chatPolicyStreamId = (tenantId: string): string => streamId('chat-policy', tenantId, tenantId);
