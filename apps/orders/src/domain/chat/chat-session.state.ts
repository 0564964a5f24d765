import type { BusinessLine } from '@serviceops/contracts';
import type { ChatPolicy } from './chat.rules';

// A chat session's state and the context its use cases decide in. Each command and the events it records are
// declared with its use case (queue-chat.ts, …); the unions are derived in chat-session.decider.ts. Instants are
// ISO-8601 strings (UTC); "none" is null.

export type ChatStatus = 'waiting' | 'allocated' | 'active' | 'ended';

export interface ChatSession {
  readonly status: ChatStatus;
  readonly sessionId: string;
  readonly customerId: string;
  readonly line: BusinessLine;
  readonly branchId: string | null;
  readonly queuedAt: string;
  readonly companionId?: string;
  readonly allocatedAt?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly durationSeconds?: number;
  readonly sampled?: boolean;
  readonly score?: number;
  readonly scoredAt?: string;
  readonly inspectorId?: string;
  readonly policyVersion?: number;
}

export type ChatSessionState = { readonly status: 'absent' } | ChatSession;

/** What decisions take from outside: the time, the tenant's chat policy, the random source sampling draws from. */
export interface ChatSessionContext {
  readonly now: Date;
  readonly policy: ChatPolicy;
  /** Uniform in [0, 1): injected (the system's in production, a fixed sequence in tests). */
  readonly random: () => number;
}

export const initialChatSessionState = (): ChatSessionState => ({ status: 'absent' });
