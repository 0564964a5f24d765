import { Inject, Injectable } from '@nestjs/common';
import type { BusinessLine } from '@serviceops/contracts';
import { type Clock, DomainError } from '@serviceops/kernel';
import {
  EventSourcingRuntime,
  execute,
  executeTogether,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  limitOf,
  optional,
  ProblemError,
  type CallContext,
  type StreamPart,
  uuidField,
} from '@serviceops/platform';
import {
  CHAT_POLICY_USE_CASES,
  type ChatPolicyCommand,
  chatPolicyDecider,
  chatPolicyStreamId,
} from '../domain/chat/chat-policy.decider';
import {
  CHAT_SESSION_USE_CASES,
  chatSessionDecider,
  chatSessionStreamId,
  type ChatSessionCommand,
  type ChatSessionEvent,
  type ChatSessionState,
} from '../domain/chat/chat-session.decider';
import type { ChatSession } from '../domain/chat/chat-session.state';
import { endChat, type EndChat } from '../domain/chat/end-chat';
import { queueChat, type QueueChat } from '../domain/chat/queue-chat';
import { setCompanionCapacity, type SetCompanionCapacity } from '../domain/chat/set-companion-capacity';
import {
  ChatErrorCode,
  chatError,
  companionsByLoad,
  queueOrder,
  type ChatPolicy,
} from '../domain/chat/chat.rules';
import {
  companionDecider,
  companionStreamId,
  type CompanionEvent,
  type CompanionState,
} from '../domain/chat/companion.decider';
import {
  keepChatQueueRow,
  keepCompanionRow,
  OrdersFieldRepository,
} from '../infrastructure/orders-field.repository';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import { assertOrderable } from '../domain/customer/known-customer';
import { checkBodyIds } from './body-ids';
import { CLOCK, OrderStore } from './order-store';

/** The random source chat sampling draws from (Math.random in production; a fixed sequence in tests). */
export const RANDOM = Symbol('orders random source');

/** A chat session as the API answers it (the proto's ChatSession): the state, its id as `id`, with its version. */
export type ChatSessionView = Omit<ChatSession, 'sessionId' | 'branchId'> & {
  readonly id: string;
  readonly version: number;
  readonly branchId?: string;
};

function viewOf(state: ChatSessionState, version: number): ChatSessionView {
  if (state.status === 'absent')
    throw chatError(ChatErrorCode.CHAT_SESSION_NOT_FOUND, 'no such chat session');
  const { sessionId, branchId, ...rest } = state;
  return { id: sessionId, version, ...rest, ...(branchId ? { branchId } : {}) };
}

export interface ChatPolicyView extends ChatPolicy {
  readonly samplePercent: number;
}

type S = ChatSessionState | CompanionState;
type E = ChatSessionEvent | CompanionEvent;

/** How many times an allocation picks again after a race took its pick (another customer or companion). */
const ALLOCATION_ATTEMPTS = 5;

/**
 * Companion chat: the tenant's policy, companions on duty, the queue, allocation, start, end (sampled), the
 * inspector's score. Load → decide → append; allocation and release append to the session and the companion in
 * one transaction, so a companion's capacity holds under concurrent allocations.
 */
@Injectable()
export class ChatHandlers {
  constructor(
    private readonly runtime: EventSourcingRuntime,
    private readonly rows: OrdersFieldRepository,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RANDOM) private readonly random: () => number,
    private readonly orders: OrderStore,
  ) {}

  /** The tenant's chat policy in force (version 0, the default, until one is set). */
  async policy(tenantId: string): Promise<ChatPolicy> {
    const { state } = await this.runtime.store.aggregate<ChatPolicy>(
      chatPolicyStreamId(tenantId),
      (s, e) => chatPolicyDecider.evolve(s, e as never),
      chatPolicyDecider.initialState,
    );
    return state;
  }

  @Handles('orders.GetChatPolicy')
  async getPolicy(_request: object, call: CallContext): Promise<ChatPolicy> {
    return this.policy(call.tenantId);
  }

  /** A change of the chat policy (`handles`, in domain/chat/set-chat-policy.ts): load, decide, append. */
  async changePolicy(command: ChatPolicyCommand, call: CallContext): Promise<ChatPolicy> {
    const done = await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        chatPolicyDecider,
        chatPolicyStreamId(call.tenantId),
        command,
        { now: this.clock.now() },
        call,
      ),
    );
    return done.state;
  }

  /** A companion goes on duty for a queue (line, branch) taking `capacity` chats at once; 0 takes them off. */
  @HandlesUseCase(setCompanionCapacity)
  async setCapacity(
    command: SetCompanionCapacity,
    _request: object,
    call: CallContext,
  ): Promise<{
    staffId: string;
    version: number;
    line: string;
    branchId?: string;
    capacity: number;
    active: number;
  }> {
    const { staffId } = command.data;
    checkBodyIds(command.data, 'branchId');
    // Only a staff member of this tenant (known to orders from staff's events) can be put on duty.
    await this.facts.assertKnownStaff(call.tenantId, staffId);
    const done = await this.runtime.timed('SetCompanionCapacity', () =>
      execute(
        this.runtime.store,
        companionDecider,
        companionStreamId(call.tenantId, staffId),
        command,
        { now: this.clock.now() },
        call,
        { inline: (tx, _s, _v, events) => keepCompanionRow(tx, call.tenantId, events as CompanionEvent[]) },
      ),
    );
    const desk = done.state;
    if (desk.status === 'absent') throw new Error('a companion set on duty has a desk');
    return {
      staffId: desk.staffId,
      version: done.version,
      line: desk.line,
      ...optional('branchId', desk.branchId ?? undefined),
      capacity: desk.capacity,
      active: desk.active.length,
    };
  }

  @HandlesUseCase(queueChat)
  async queue(command: QueueChat, _request: object, call: CallContext): Promise<ChatSessionView> {
    const { sessionId, customerId } = command.data;
    checkBodyIds(command.data, 'customerId', 'branchId');
    // A customer customers registered (waited for a moment) and did not erase, as for a new order.
    assertOrderable(customerId, await this.orders.standingOnArrival(call.tenantId, customerId));
    const policy = await this.policy(call.tenantId);
    const done = await this.runtime.timed('QueueChat', () =>
      execute(
        this.runtime.store,
        chatSessionDecider,
        chatSessionStreamId(call.tenantId, sessionId),
        command,
        { now: this.clock.now(), policy, random: this.random },
        call,
        {
          newStream: true,
          inline: (tx, _s, _v, events) => keepChatQueueRow(tx, call.tenantId, events as ChatSessionEvent[]),
        },
      ),
    );
    return viewOf(done.state, done.version);
  }

  /**
   * The first customer waiting in the queue gets the least loaded free companion of it. The session and the
   * companion are appended together, each on the version decided on: a customer allocated meanwhile, or a
   * companion filled up meanwhile, makes this pick again (a few times), never over-assign.
   */
  @Handles('orders.AllocateChatCompanion')
  async allocate(request: { line?: string; branchId?: string }, call: CallContext): Promise<ChatSessionView> {
    const line = request.line ?? '';
    const branchId = request.branchId === undefined ? null : uuidField(request.branchId, 'branchId');
    for (let attempt = 1; ; attempt++) {
      const [waiting, companions] = await Promise.all([
        this.rows.waiting(call.tenantId, line, branchId, 1),
        this.rows.companions(call.tenantId, line, branchId),
      ]);
      const next = queueOrder(waiting)[0];
      if (!next) throw chatError(ChatErrorCode.CHAT_QUEUE_EMPTY, 'nobody is waiting in this queue');
      const companion = companionsByLoad(companions)[0];
      if (!companion) throw chatError(ChatErrorCode.NO_COMPANION_FREE, 'no companion of this queue has room');
      try {
        return await this.assign(call, next.sessionId, companion.staffId, line as BusinessLine, branchId);
      } catch (error) {
        const raced =
          error instanceof DomainError &&
          (error.code === ChatErrorCode.CHAT_NOT_WAITING ||
            error.code === ChatErrorCode.COMPANION_AT_CAPACITY);
        const conflict = error instanceof ProblemError && error.code === 'EVENTSTORE.WRONG_EXPECTED_VERSION';
        if ((raced || conflict) && attempt < ALLOCATION_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private async assign(
    call: CallContext,
    sessionId: string,
    staffId: string,
    line: BusinessLine,
    branchId: string | null,
  ): Promise<ChatSessionView> {
    const now = this.clock.now();
    const policy = await this.policy(call.tenantId);
    const parts: StreamPart<S, E>[] = [
      {
        streamId: chatSessionStreamId(call.tenantId, sessionId),
        evolve: chatSessionDecider.evolve as (s: S, e: E) => S,
        initialState: chatSessionDecider.initialState,
      },
      {
        streamId: companionStreamId(call.tenantId, staffId),
        evolve: companionDecider.evolve as (s: S, e: E) => S,
        initialState: companionDecider.initialState,
      },
    ];
    const done = await this.runtime.timed('AllocateChatCompanion', () =>
      executeTogether<S, E>(
        this.runtime.store,
        parts,
        ([session, desk]) => [
          chatSessionDecider.decide(
            { type: 'AllocateCompanion', data: { sessionId, companionId: staffId } },
            session as ChatSessionState,
            { now, policy, random: this.random },
          ),
          companionDecider.decide(
            { type: 'AssignChat', data: { staffId, sessionId, line, branchId } },
            desk as CompanionState,
            { now },
          ),
        ],
        call,
        {
          inline: async (tx, states) => {
            const session = states[0] as ChatSessionState;
            if (session.status !== 'allocated') return;
            await keepChatQueueRow(tx, call.tenantId, [
              {
                type: 'ChatCompanionAllocated',
                data: { sessionId, companionId: staffId, allocatedAt: now.toISOString() },
              },
            ]);
            await keepCompanionRow(tx, call.tenantId, [
              { type: 'CompanionChatAssigned', data: { staffId, sessionId, assignedAt: now.toISOString() } },
            ]);
          },
        },
      ),
    );
    return viewOf(done.states[0] as ChatSessionState, done.versions[0] ?? 0);
  }

  /**
   * A use case of the session that is the whole of its declared method (`handles`, in its file under domain/chat/:
   * starting a chat, scoring one): load, decide with the policy in force, append (`act`).
   */
  change(
    call: CallContext,
    command: ChatSessionCommand,
    expectedVersion: number | undefined,
  ): Promise<ChatSessionView> {
    return this.act(call, command, expectedVersion);
  }

  /** Ends the chat (its duration counted, sampled or not at the policy's rate) and frees the companion's place. */
  @HandlesUseCase(endChat)
  async end(
    command: EndChat,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<ChatSessionView> {
    const { sessionId } = command.data;
    const current = await this.load(call.tenantId, sessionId);
    if (current.state.status === 'absent' || current.state.companionId === undefined)
      return this.act(call, command, request.expectedVersion);
    const staffId = current.state.companionId;
    const now = this.clock.now();
    const policy = await this.policy(call.tenantId);
    const done = await this.runtime.timed('EndChat', () =>
      executeTogether<S, E>(
        this.runtime.store,
        [
          {
            streamId: chatSessionStreamId(call.tenantId, sessionId),
            evolve: chatSessionDecider.evolve as (s: S, e: E) => S,
            initialState: chatSessionDecider.initialState,
            ...optional('expectedVersion', request.expectedVersion),
          },
          {
            streamId: companionStreamId(call.tenantId, staffId),
            evolve: companionDecider.evolve as (s: S, e: E) => S,
            initialState: companionDecider.initialState,
          },
        ],
        ([session, desk]) => [
          chatSessionDecider.decide(command, session as ChatSessionState, {
            now,
            policy,
            random: this.random,
          }),
          companionDecider.decide(
            { type: 'ReleaseChat', data: { staffId, sessionId } },
            desk as CompanionState,
            { now },
          ),
        ],
        call,
        {
          policyVersion: policy.version,
          inline: async (tx, states) => {
            const session = states[0] as ChatSessionState;
            if (session.status !== 'ended') return;
            await keepChatQueueRow(tx, call.tenantId, [
              {
                type: 'ChatEnded',
                data: {
                  sessionId,
                  companionId: staffId,
                  startedAt: session.startedAt ?? '',
                  endedAt: now.toISOString(),
                  durationSeconds: session.durationSeconds ?? 0,
                  sampled: session.sampled ?? false,
                  samplePercent: policy.samplePercent,
                  policyVersion: policy.version,
                },
              },
            ]);
            await keepCompanionRow(tx, call.tenantId, [
              {
                type: 'CompanionChatReleased',
                data: { staffId, sessionId, releasedAt: now.toISOString() },
              },
            ]);
          },
        },
      ),
    );
    return viewOf(done.states[0] as ChatSessionState, done.versions[0] ?? 0);
  }

  @Handles('orders.GetChatSession')
  async get({ id }: { id: string }, call: CallContext): Promise<ChatSessionView> {
    const { state, version } = await this.load(call.tenantId, id);
    return viewOf(state, version);
  }

  /** Who waits in a queue, first come first served. */
  @Handles('orders.ListChatQueue')
  async waiting(
    request: { line?: string; branchId?: string; limit?: number },
    call: CallContext,
  ): Promise<{ items: { id: string; queuedAt: string }[] }> {
    const branchId = request.branchId === undefined ? null : uuidField(request.branchId, 'branchId');
    const rows = await this.rows.waiting(call.tenantId, request.line ?? '', branchId, limitOf(request.limit));
    return { items: queueOrder(rows).map((w) => ({ id: w.sessionId, queuedAt: w.queuedAt })) };
  }

  private async load(
    tenantId: string,
    sessionId: string,
  ): Promise<{ state: ChatSessionState; version: number }> {
    const { state, version } = await this.runtime.store.aggregate<ChatSessionState>(
      chatSessionStreamId(tenantId, sessionId),
      (s, e) => chatSessionDecider.evolve(s, e as unknown as ChatSessionEvent),
      chatSessionDecider.initialState,
    );
    if (state.status === 'absent')
      throw chatError(ChatErrorCode.CHAT_SESSION_NOT_FOUND, 'no such chat session');
    return { state, version };
  }

  private async act(
    call: CallContext,
    command: ChatSessionCommand,
    expectedVersion: number | undefined,
  ): Promise<ChatSessionView> {
    await this.load(call.tenantId, command.data.sessionId);
    const policy = await this.policy(call.tenantId);
    const done = await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        chatSessionDecider,
        chatSessionStreamId(call.tenantId, command.data.sessionId),
        command,
        { now: this.clock.now(), policy, random: this.random },
        call,
        {
          ...optional('expectedVersion', expectedVersion),
          policyVersion: policy.version,
          inline: (tx, _s, _v, events) => keepChatQueueRow(tx, call.tenantId, events as ChatSessionEvent[]),
        },
      ),
    );
    return viewOf(done.state, done.version);
  }
}

// The chat policy's use cases with `handles` (SetChatPolicy): request → command → `changePolicy`.
handlesUseCases(ChatHandlers, CHAT_POLICY_USE_CASES, function (command, _request, call) {
  return this.changePolicy(command as ChatPolicyCommand, call);
});

// The session's use cases with `handles` (StartChat): request → command → `change`.
handlesUseCases(ChatHandlers, CHAT_SESSION_USE_CASES, function (command, request, call) {
  return this.change(call, command as ChatSessionCommand, request.expectedVersion);
});
