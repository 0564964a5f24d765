import { type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError } from './chat.rules';
import { onQueued, queued } from './chat-session.rules';
import type { ChatSessionContext, ChatSessionState } from './chat-session.state';

export interface StartChat {
  readonly type: 'StartChat';
  readonly data: { readonly sessionId: string };
}

export type ChatStarted = Event<'ChatStarted', { sessionId: string; companionId: string; startedAt: string }>;

/** The allocated companion starts the chat. */
export const startChat = useCase<StartChat, ChatStarted, ChatSessionState, ChatSessionContext>({
  command: 'StartChat',
  handles: {
    rpc: 'orders.StartChat',
    command: (request: { id: string }) => ({ type: 'StartChat', data: { sessionId: request.id } }),
  },
  decide(command, state, { now }) {
    const session = queued(state);
    if (session.status !== 'allocated' || session.companionId === undefined)
      throw chatError(E.CHAT_NOT_ALLOCATED, 'a chat starts once a companion is allocated', {
        status: session.status,
      });
    const { sessionId } = command.data;
    return [
      {
        type: 'ChatStarted',
        data: { sessionId, companionId: session.companionId, startedAt: now.toISOString() },
      },
    ];
  },
  evolve: {
    ChatStarted: onQueued((session, event) => ({
      ...session,
      status: 'active',
      startedAt: event.data.startedAt,
    })),
  },
});
