import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { allocateCompanion } from './allocate-companion';
import {
  type ChatSessionContext,
  type ChatSessionState,
  initialChatSessionState,
} from './chat-session.state';
import { endChat } from './end-chat';
import { queueChat } from './queue-chat';
import { scoreChat } from './score-chat';
import { startChat } from './start-chat';

export type { AllocateCompanion, ChatCompanionAllocated } from './allocate-companion';
export type { ChatEnded, EndChat } from './end-chat';
export type { ChatQueued, QueueChat } from './queue-chat';
export type { ChatQualityScored, ScoreChat } from './score-chat';
export type { ChatStarted, StartChat } from './start-chat';
export * from './chat-session.state';

/**
 * A chat session: the list of its use cases, a file each beside this one (command, decision, the events it records
 * and how they change the state). The unions below, the decider and the service's generic handler
 * (application/orders-field.chat.handlers.ts) follow from the list.
 */
export const CHAT_SESSION_USE_CASES = [queueChat, allocateCompanion, startChat, endChat, scoreChat] as const;

export type ChatSessionCommand = CommandOf<typeof CHAT_SESSION_USE_CASES>;
export type ChatSessionEvent = EventOf<typeof CHAT_SESSION_USE_CASES>;

export const chatSessionDecider = deciderOf<
  typeof CHAT_SESSION_USE_CASES,
  ChatSessionState,
  ChatSessionContext
>(initialChatSessionState, CHAT_SESSION_USE_CASES);

/** One stream per chat session: 'chat-session-<tenantId>-<sessionId>'. */
export const chatSessionStreamId = (tenantId: string, sessionId: string): string =>
  streamId('chat-session', tenantId, sessionId);
