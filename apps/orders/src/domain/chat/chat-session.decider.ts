import { BUSINESS_LINES, type BusinessLine } from '@serviceops/contracts';
import { streamId, type Decider, type Event } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError, isSampled, scoreInRange, type ChatPolicy } from './chat.rules';

// Instants are ISO-8601 strings (UTC); "none" is null.

export type ChatSessionCommand =
  | {
      readonly type: 'QueueChat';
      readonly data: {
        readonly sessionId: string;
        readonly customerId: string;
        readonly line: BusinessLine;
        readonly branchId: string | null;
      };
    }
  | {
      readonly type: 'AllocateCompanion';
      readonly data: { readonly sessionId: string; readonly companionId: string };
    }
  | { readonly type: 'StartChat'; readonly data: { readonly sessionId: string } }
  | { readonly type: 'EndChat'; readonly data: { readonly sessionId: string } }
  | {
      readonly type: 'ScoreChat';
      readonly data: { readonly sessionId: string; readonly score: number; readonly inspectorId: string };
    };

export type ChatQueued = Event<
  'ChatQueued',
  { sessionId: string; customerId: string; line: BusinessLine; branchId: string | null; queuedAt: string }
>;
export type ChatCompanionAllocated = Event<
  'ChatCompanionAllocated',
  { sessionId: string; companionId: string; allocatedAt: string }
>;
export type ChatStarted = Event<'ChatStarted', { sessionId: string; companionId: string; startedAt: string }>;
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

export type ChatSessionEvent =
  ChatQueued | ChatCompanionAllocated | ChatStarted | ChatEnded | ChatQualityScored;

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

const LINES: ReadonlySet<string> = new Set(BUSINESS_LINES);

function decide(
  command: ChatSessionCommand,
  state: ChatSessionState,
  { now, policy, random }: ChatSessionContext,
): readonly ChatSessionEvent[] {
  const at = now.toISOString();
  if (command.type === 'QueueChat') {
    if (state.status !== 'absent') throw chatError(E.CHAT_SESSION_EXISTS, 'the chat session exists already');
    const { sessionId, customerId, line, branchId } = command.data;
    if (!LINES.has(line))
      throw chatError(E.INVALID_LINE, `line ${line} is not one of ${BUSINESS_LINES.join(', ')}`);
    return [{ type: 'ChatQueued', data: { sessionId, customerId, line, branchId, queuedAt: at } }];
  }
  if (state.status === 'absent') throw chatError(E.CHAT_SESSION_NOT_FOUND, 'no such chat session');
  const { sessionId } = command.data;
  switch (command.type) {
    case 'AllocateCompanion':
      if (state.status !== 'waiting')
        throw chatError(E.CHAT_NOT_WAITING, 'the customer is no longer waiting', { status: state.status });
      return [
        {
          type: 'ChatCompanionAllocated',
          data: { sessionId, companionId: command.data.companionId, allocatedAt: at },
        },
      ];
    case 'StartChat':
      if (state.status !== 'allocated' || state.companionId === undefined)
        throw chatError(E.CHAT_NOT_ALLOCATED, 'a chat starts once a companion is allocated', {
          status: state.status,
        });
      return [{ type: 'ChatStarted', data: { sessionId, companionId: state.companionId, startedAt: at } }];
    case 'EndChat': {
      if (state.status !== 'active' || state.startedAt === undefined || state.companionId === undefined)
        throw chatError(E.CHAT_NOT_ACTIVE, 'only a chat in progress ends', { status: state.status });
      const durationSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(state.startedAt)) / 1000));
      return [
        {
          type: 'ChatEnded',
          data: {
            sessionId,
            companionId: state.companionId,
            startedAt: state.startedAt,
            endedAt: at,
            durationSeconds,
            sampled: isSampled(random(), policy.samplePercent),
            samplePercent: policy.samplePercent,
            policyVersion: policy.version,
          },
        },
      ];
    }
    case 'ScoreChat': {
      if (state.status !== 'ended' || state.companionId === undefined)
        throw chatError(E.CHAT_NOT_ENDED, 'a chat is scored once it has ended', { status: state.status });
      if (!state.sampled) throw chatError(E.CHAT_NOT_SAMPLED, 'the chat was not sampled for inspection');
      if (state.score !== undefined) throw chatError(E.CHAT_ALREADY_SCORED, 'the chat has its score');
      const { score, inspectorId } = command.data;
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
            companionId: state.companionId,
            score,
            scoreMin: policy.scoreMin,
            scoreMax: policy.scoreMax,
            inspectorId,
            scoredAt: at,
            policyVersion: policy.version,
          },
        },
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: ChatSessionState, event: ChatSessionEvent): ChatSessionState {
  switch (event.type) {
    case 'ChatQueued':
      return { status: 'waiting', ...event.data };
    case 'ChatCompanionAllocated':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            status: 'allocated',
            companionId: event.data.companionId,
            allocatedAt: event.data.allocatedAt,
          };
    case 'ChatStarted':
      return state.status === 'absent'
        ? state
        : { ...state, status: 'active', startedAt: event.data.startedAt };
    case 'ChatEnded':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            status: 'ended',
            endedAt: event.data.endedAt,
            durationSeconds: event.data.durationSeconds,
            sampled: event.data.sampled,
            policyVersion: event.data.policyVersion,
          };
    case 'ChatQualityScored':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            score: event.data.score,
            scoredAt: event.data.scoredAt,
            inspectorId: event.data.inspectorId,
          };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const chatSessionDecider: Decider<
  ChatSessionCommand,
  ChatSessionEvent,
  ChatSessionState,
  ChatSessionContext
> = { initialState: () => ({ status: 'absent' }), decide, evolve };

/** One stream per chat session: 'chat-session-<tenantId>-<sessionId>'. */
export const chatSessionStreamId = (tenantId: string, sessionId: string): string =>
  streamId('chat-session', tenantId, sessionId);
