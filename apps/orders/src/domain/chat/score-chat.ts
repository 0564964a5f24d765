import { type Caller, type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError, scoreInRange } from './chat.rules';
import { onQueued, queued } from './chat-session.rules';
import type { ChatSessionContext, ChatSessionState } from './chat-session.state';

export interface ScoreChat {
  readonly type: 'ScoreChat';
  readonly data: { readonly sessionId: string; readonly score: number; readonly inspectorId: string };
}

/** Published (ChatQualityScoredV1): the inspector's score of a sampled session, for the companion's KPI. */
export type ChatQualityScored = Event<
  'ChatQualityScored',
  {
    sessionId: string;
    companionId: string;
    score: number;
    scoreMin: number;
    scoreMax: number;
    inspectorId: string;
    scoredAt: string;
    policyVersion: number;
  }
>;

/** The inspector scores an ended, sampled session once, within the policy's range. */
export const scoreChat = useCase<ScoreChat, ChatQualityScored, ChatSessionState, ChatSessionContext>({
  command: 'ScoreChat',
  handles: {
    rpc: 'orders.ScoreChat',
    command: (request: { id: string; score?: number }, { actorId }: Caller) => ({
      type: 'ScoreChat',
      data: { sessionId: request.id, score: request.score ?? Number.NaN, inspectorId: actorId },
    }),
  },
  decide(command, state, { now, policy }) {
    const session = queued(state);
    if (session.status !== 'ended' || session.companionId === undefined)
      throw chatError(E.CHAT_NOT_ENDED, 'a chat is scored once it has ended', { status: session.status });
    if (!session.sampled) throw chatError(E.CHAT_NOT_SAMPLED, 'the chat was not sampled for inspection');
    if (session.score !== undefined) throw chatError(E.CHAT_ALREADY_SCORED, 'the chat has its score');
    const { sessionId, score, inspectorId } = command.data;
    if (!scoreInRange(score, policy))
      throw chatError(
        E.SCORE_OUT_OF_RANGE,
        `the score is a whole number ${policy.scoreMin}–${policy.scoreMax}`,
        {
          scoreMin: policy.scoreMin,
          scoreMax: policy.scoreMax,
        },
      );
    return [
      {
        type: 'ChatQualityScored',
        data: {
          sessionId,
          companionId: session.companionId,
          score,
          scoreMin: policy.scoreMin,
          scoreMax: policy.scoreMax,
          inspectorId,
          scoredAt: now.toISOString(),
          policyVersion: policy.version,
        },
      },
    ];
  },
  evolve: {
    ChatQualityScored: onQueued((session, event) => ({
      ...session,
      score: event.data.score,
      scoredAt: event.data.scoredAt,
      inspectorId: event.data.inspectorId,
    })),
  },
});
