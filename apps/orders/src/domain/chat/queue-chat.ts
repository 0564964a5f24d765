import { BUSINESS_LINES, type BusinessLine } from '@serviceops/contracts';
import { type Caller, type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError } from './chat.rules';
import type { ChatSessionContext, ChatSessionState } from './chat-session.state';

export interface QueueChat {
  readonly type: 'QueueChat';
  readonly data: {
    readonly sessionId: string;
    readonly customerId: string;
    readonly line: BusinessLine;
    readonly branchId: string | null;
  };
}

export type ChatQueued = Event<
  'ChatQueued',
  { sessionId: string; customerId: string; line: BusinessLine; branchId: string | null; queuedAt: string }
>;

const LINES: ReadonlySet<string> = new Set(BUSINESS_LINES);

/**
 * A customer waits in a queue (line, branch) for a companion (its handler admits a customer customers registered and
 * did not erase, and reads the policy in force: application/orders-field.chat.handlers.ts).
 */
export const queueChat = useCase<QueueChat, ChatQueued, ChatSessionState, ChatSessionContext>({
  command: 'QueueChat',
  handles: {
    rpc: 'orders.QueueChat',
    command: (request: { customerId?: string; line?: string; branchId?: string }, { newId }: Caller) => ({
      type: 'QueueChat',
      data: {
        sessionId: newId,
        customerId: (request.customerId ?? '').toLowerCase(),
        line: (request.line ?? '') as BusinessLine,
        branchId: request.branchId === undefined ? null : request.branchId.toLowerCase(),
      },
    }),
  },
  decide(command, state, { now }) {
    if (state.status !== 'absent') throw chatError(E.CHAT_SESSION_EXISTS, 'the chat session exists already');
    const { sessionId, customerId, line, branchId } = command.data;
    if (!LINES.has(line))
      throw chatError(E.INVALID_LINE, `line ${line} is not one of ${BUSINESS_LINES.join(', ')}`);
    return [
      { type: 'ChatQueued', data: { sessionId, customerId, line, branchId, queuedAt: now.toISOString() } },
    ];
  },
  evolve: {
    ChatQueued: (_state, event) => ({ status: 'waiting', ...event.data }),
  },
});
