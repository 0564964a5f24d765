import { deciderSpec } from '@serviceops/testing';
import { chatSessionDecider, type ChatSessionCommand, type ChatSessionEvent } from './chat-session.decider';
import { DEFAULT_CHAT_POLICY, type ChatPolicy } from './chat.rules';

const SESSION = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const CUSTOMER = '1b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const COMPANION = '2b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const INSPECTOR = '3b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const now = new Date('2026-03-02T10:00:00.000Z');
const started = '2026-03-02T09:45:30.000Z';

const spec = (given: readonly ChatSessionEvent[], draw = 0.5, policy: ChatPolicy = DEFAULT_CHAT_POLICY) =>
  deciderSpec(chatSessionDecider, { now, policy, random: () => draw }).given(given);

const queued: ChatSessionEvent = {
  type: 'ChatQueued',
  data: {
    sessionId: SESSION,
    customerId: CUSTOMER,
    line: 'companion_chat',
    branchId: null,
    queuedAt: '2026-03-02T09:40:00.000Z',
  },
};
const allocated: ChatSessionEvent = {
  type: 'ChatCompanionAllocated',
  data: { sessionId: SESSION, companionId: COMPANION, allocatedAt: '2026-03-02T09:45:00.000Z' },
};
const start: ChatSessionEvent = {
  type: 'ChatStarted',
  data: { sessionId: SESSION, companionId: COMPANION, startedAt: started },
};
const ended = (sampled: boolean, samplePercent = 10, policyVersion = 0): ChatSessionEvent => ({
  type: 'ChatEnded',
  data: {
    sessionId: SESSION,
    companionId: COMPANION,
    startedAt: started,
    endedAt: now.toISOString(),
    durationSeconds: 870,
    sampled,
    samplePercent,
    policyVersion,
  },
});

describe('QueueChat', () => {
  const command: ChatSessionCommand = {
    type: 'QueueChat',
    data: { sessionId: SESSION, customerId: CUSTOMER, line: 'companion_chat', branchId: null },
  };
  it('queues the customer at the time decided', () => {
    spec([])
      .when(command)
      .then([{ ...queued, data: { ...queued.data, queuedAt: now.toISOString() } }]);
  });
  it('refuses a session that exists', () =>
    spec([queued]).when(command).thenThrows('ORDERS.CHAT_SESSION_EXISTS'));
  it('refuses an unknown line', () =>
    spec([])
      .when({ ...command, data: { ...command.data, line: 'moon' as never } })
      .thenThrows('ORDERS.INVALID_LINE'));
});

describe('allocation, start and end follow each other', () => {
  const allocate: ChatSessionCommand = {
    type: 'AllocateCompanion',
    data: { sessionId: SESSION, companionId: COMPANION },
  };
  const startChat: ChatSessionCommand = { type: 'StartChat', data: { sessionId: SESSION } };
  const end: ChatSessionCommand = { type: 'EndChat', data: { sessionId: SESSION } };
  it.each([
    ['allocate an unknown session', [], allocate, 'ORDERS.CHAT_SESSION_NOT_FOUND'],
    ['allocate twice', [queued, allocated], allocate, 'ORDERS.CHAT_NOT_WAITING'],
    ['start before allocation', [queued], startChat, 'ORDERS.CHAT_NOT_ALLOCATED'],
    ['start twice', [queued, allocated, start], startChat, 'ORDERS.CHAT_NOT_ALLOCATED'],
    ['end before start', [queued, allocated], end, 'ORDERS.CHAT_NOT_ACTIVE'],
    ['end twice', [queued, allocated, start, ended(false)], end, 'ORDERS.CHAT_NOT_ACTIVE'],
  ] as [string, ChatSessionEvent[], ChatSessionCommand, string][])(
    'refuses to %s',
    (_case, given, command, code) => {
      spec(given).when(command).thenThrows(code);
    },
  );

  it('allocates a waiting customer', () => {
    spec([queued])
      .when(allocate)
      .then([{ ...allocated, data: { ...allocated.data, allocatedAt: now.toISOString() } }]);
  });

  it('starts with the allocated companion', () => {
    spec([queued, allocated])
      .when(startChat)
      .then([{ ...start, data: { ...start.data, startedAt: now.toISOString() } }]);
  });

  it.each([
    // the policy's 10 %: a draw below 0.1 is sampled, 0.1 and above is not
    [0.05, true],
    [0.0999, true],
    [0.1, false],
    [0.7, false],
  ])('ends with its duration in whole seconds; draw %p → sampled %p', (draw, sampled) => {
    spec([queued, allocated, start], draw)
      .when(end)
      .then([ended(sampled)]);
  });

  it.each([
    // started → ended: whole seconds, rounded down; a clock behind the start counts 0
    ['2026-03-02T09:59:59.400Z', 0],
    ['2026-03-02T09:59:58.600Z', 1],
    ['2026-03-02T09:00:00.000Z', 3600],
    ['2026-03-02T10:00:05.000Z', 0],
  ])('counts a chat started at %s as %p seconds', (startedAt, seconds) => {
    const began: ChatSessionEvent = {
      type: 'ChatStarted',
      data: { sessionId: SESSION, companionId: COMPANION, startedAt },
    };
    const state = [queued, allocated, began].reduce(
      chatSessionDecider.evolve,
      chatSessionDecider.initialState(),
    );
    const [event] = chatSessionDecider.decide(end, state, {
      now,
      policy: DEFAULT_CHAT_POLICY,
      random: () => 0.5,
    });
    expect(event).toMatchObject({ type: 'ChatEnded', data: { startedAt, durationSeconds: seconds } });
  });

  it('samples at the tenant’s own rate and records its version', () => {
    const policy = { version: 3, samplePercent: 100, scoreMin: 1, scoreMax: 5 };
    spec([queued, allocated, start], 0.9999, policy)
      .when(end)
      .then([ended(true, 100, 3)]);
  });
});

describe('ScoreChat', () => {
  const score = (value: number): ChatSessionCommand => ({
    type: 'ScoreChat',
    data: { sessionId: SESSION, score: value, inspectorId: INSPECTOR },
  });
  const scored = (value: number, policy = DEFAULT_CHAT_POLICY): ChatSessionEvent => ({
    type: 'ChatQualityScored',
    data: {
      sessionId: SESSION,
      companionId: COMPANION,
      score: value,
      scoreMin: policy.scoreMin,
      scoreMax: policy.scoreMax,
      inspectorId: INSPECTOR,
      scoredAt: now.toISOString(),
      policyVersion: policy.version,
    },
  });
  const sampledChat = [queued, allocated, start, ended(true)];

  it.each([0, 100, 73])('publishes a score of %p within 0–100', (value) => {
    spec(sampledChat)
      .when(score(value))
      .then([scored(value)]);
  });

  it.each([
    ['below the range', sampledChat, -1, 'ORDERS.SCORE_OUT_OF_RANGE'],
    ['above the range', sampledChat, 101, 'ORDERS.SCORE_OUT_OF_RANGE'],
    ['not a whole number', sampledChat, 50.5, 'ORDERS.SCORE_OUT_OF_RANGE'],
    ['a chat not sampled', [queued, allocated, start, ended(false)], 50, 'ORDERS.CHAT_NOT_SAMPLED'],
    ['a chat in progress', [queued, allocated, start], 50, 'ORDERS.CHAT_NOT_ENDED'],
    ['a chat scored already', [...sampledChat, scored(80)], 50, 'ORDERS.CHAT_ALREADY_SCORED'],
  ] as [string, ChatSessionEvent[], number, string][])('refuses %s', (_case, given, value, code) => {
    spec(given).when(score(value)).thenThrows(code);
  });

  it.each([
    [60, true],
    [59, false],
    [90, true],
    [91, false],
  ])('within the tenant’s range 60–90: %p accepted %p', (value, accepted) => {
    const policy = { version: 2, samplePercent: 10, scoreMin: 60, scoreMax: 90 };
    const run = spec(sampledChat, 0.5, policy).when(score(value));
    if (accepted) run.then([scored(value, policy)]);
    else run.thenThrows('ORDERS.SCORE_OUT_OF_RANGE');
  });
});
