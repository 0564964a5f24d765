import { type Event, useCase } from '@serviceops/kernel';
import { CHAT_LIMITS, ChatErrorCode as E, chatError, type ChatPolicy } from './chat.rules';

/** The tenant's chat policy, versioned: each ChatPolicySet is the next version; decisions record the one applied. */
export type SetChatPolicy = {
  readonly type: 'SetChatPolicy';
  readonly data: { readonly samplePercent: number; readonly scoreMin: number; readonly scoreMax: number };
};
export type ChatPolicySet = Event<
  'ChatPolicySet',
  { version: number; samplePercent: number; scoreMin: number; scoreMax: number; setAt: string }
>;

/** What a change of the chat policy is decided with. */
export interface ChatPolicyContext {
  readonly now: Date;
}

const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

export const setChatPolicy = useCase<SetChatPolicy, ChatPolicySet, ChatPolicy, ChatPolicyContext>({
  command: 'SetChatPolicy',
  handles: {
    rpc: 'orders.SetChatPolicy',
    command: (request: { samplePercent?: number; scoreMin?: number; scoreMax?: number }) => ({
      type: 'SetChatPolicy',
      data: {
        samplePercent: request.samplePercent ?? -1,
        scoreMin: request.scoreMin ?? -1,
        scoreMax: request.scoreMax ?? -1,
      },
    }),
  },
  decide(command, state, { now }) {
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
  },
  evolve: {
    ChatPolicySet: (_state, event) => {
      const { version, samplePercent, scoreMin, scoreMax } = event.data;
      return { version, samplePercent, scoreMin, scoreMax };
    },
  },
});
