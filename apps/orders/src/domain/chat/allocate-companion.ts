import { type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError } from './chat.rules';
import { onQueued, queued } from './chat-session.rules';
import type { ChatSessionContext, ChatSessionState } from './chat-session.state';

export interface AllocateCompanion {
  readonly type: 'AllocateCompanion';
  readonly data: { readonly sessionId: string; readonly companionId: string };
}

export type ChatCompanionAllocated = Event<
  'ChatCompanionAllocated',
  { sessionId: string; companionId: string; allocatedAt: string }
>;

/** A waiting customer gets a companion (decided with the companion's desk, in one transaction). */
export const allocateCompanion = useCase<
  AllocateCompanion,
  ChatCompanionAllocated,
  ChatSessionState,
  ChatSessionContext
>({
  command: 'AllocateCompanion',
  decide(command, state, { now }) {
    const session = queued(state);
    if (session.status !== 'waiting')
      throw chatError(E.CHAT_NOT_WAITING, 'the customer is no longer waiting', { status: session.status });
    const { sessionId, companionId } = command.data;
    return [
      { type: 'ChatCompanionAllocated', data: { sessionId, companionId, allocatedAt: now.toISOString() } },
    ];
  },
  evolve: {
    ChatCompanionAllocated: onQueued((session, event) => ({
      ...session,
      status: 'allocated',
      companionId: event.data.companionId,
      allocatedAt: event.data.allocatedAt,
    })),
  },
});
