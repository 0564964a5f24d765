import { type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError, isSampled } from './chat.rules';
import { onQueued, queued } from './chat-session.rules';
import type { ChatSessionContext, ChatSessionState } from './chat-session.state';

export interface EndChat {
  readonly type: 'EndChat';
  readonly data: { readonly sessionId: string };
}

export type ChatEnded = Event<
  'ChatEnded',
  {
    sessionId: string;
    companionId: string;
    startedAt: string;
    endedAt: string;
    durationSeconds: number;
    /** Flagged for quality inspection (drawn at the policy's rate). */
    sampled: boolean;
    samplePercent: number;
    policyVersion: number;
  }
>;

/**
 * A chat in progress ends: its duration counted, sampled for inspection or not at the policy's rate (its handler
 * frees the companion's place in the same transaction: application/orders-field.chat.handlers.ts).
 */
export const endChat = useCase<EndChat, ChatEnded, ChatSessionState, ChatSessionContext>({
  command: 'EndChat',
  handles: {
    rpc: 'orders.EndChat',
    command: (request: { id: string }) => ({ type: 'EndChat', data: { sessionId: request.id } }),
  },
  decide(command, state, { now, policy, random }) {
    const session = queued(state);
    if (session.status !== 'active' || session.startedAt === undefined || session.companionId === undefined)
      throw chatError(E.CHAT_NOT_ACTIVE, 'only a chat in progress ends', { status: session.status });
    const durationSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(session.startedAt)) / 1000));
    return [
      {
        type: 'ChatEnded',
        data: {
          sessionId: command.data.sessionId,
          companionId: session.companionId,
          startedAt: session.startedAt,
          endedAt: now.toISOString(),
          durationSeconds,
          sampled: isSampled(random(), policy.samplePercent),
          samplePercent: policy.samplePercent,
          policyVersion: policy.version,
        },
      },
    ];
  },
  evolve: {
    ChatEnded: onQueued((session, event) => ({
      ...session,
      status: 'ended',
      endedAt: event.data.endedAt,
      durationSeconds: event.data.durationSeconds,
      sampled: event.data.sampled,
      policyVersion: event.data.policyVersion,
    })),
  },
});
