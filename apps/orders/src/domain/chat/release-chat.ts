import { type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError } from './chat.rules';
import type { CompanionContext, CompanionState } from './companion.state';

export interface ReleaseChat {
  readonly type: 'ReleaseChat';
  readonly data: { readonly staffId: string; readonly sessionId: string };
}

export type CompanionChatReleased = Event<
  'CompanionChatReleased',
  { staffId: string; sessionId: string; releasedAt: string }
>;

/** A chat of the companion's ended: their place is free again. */
export const releaseChat = useCase<ReleaseChat, CompanionChatReleased, CompanionState, CompanionContext>({
  command: 'ReleaseChat',
  decide(command, state, { now }) {
    const { staffId, sessionId } = command.data;
    if (state.status === 'absent' || !state.active.includes(sessionId))
      throw chatError(E.CHAT_NOT_ASSIGNED, 'the chat is not one of the companion’s');
    return [{ type: 'CompanionChatReleased', data: { staffId, sessionId, releasedAt: now.toISOString() } }];
  },
  evolve: {
    CompanionChatReleased: (state, event) =>
      state.status === 'absent'
        ? state
        : {
            ...state,
            active: state.active.filter((s) => s !== event.data.sessionId),
            idleSince: event.data.releasedAt,
          },
  },
});
