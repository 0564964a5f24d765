import { ChatErrorCode as E, chatError } from './chat.rules';
import type { ChatSession, ChatSessionState } from './chat-session.state';

/** The session a command names: ORDERS.CHAT_SESSION_NOT_FOUND before it is queued. */
export function queued(state: ChatSessionState): ChatSession {
  if (state.status === 'absent') throw chatError(E.CHAT_SESSION_NOT_FOUND, 'no such chat session');
  return state;
}

/** An event's change to a queued session (before it is queued nothing changes). */
export const onQueued =
  <Ev>(change: (state: ChatSession, event: Ev) => ChatSessionState) =>
  (state: ChatSessionState, event: Ev): ChatSessionState =>
    state.status === 'absent' ? state : change(state, event);
