import { deciderSpec } from '@serviceops/testing';
import { chatPolicyDecider, type ChatPolicySet } from './chat-policy.decider';

const now = new Date('2026-03-02T10:00:00.000Z');
const spec = (given: readonly ChatPolicySet[]) => deciderSpec(chatPolicyDecider, { now }).given(given);
const set = (samplePercent: number, scoreMin: number, scoreMax: number) => ({
  type: 'SetChatPolicy' as const,
  data: { samplePercent, scoreMin, scoreMax },
});
const adopted = (
  version: number,
  samplePercent: number,
  scoreMin: number,
  scoreMax: number,
): ChatPolicySet => ({
  type: 'ChatPolicySet',
  data: { version, samplePercent, scoreMin, scoreMax, setAt: now.toISOString() },
});

describe('SetChatPolicy', () => {
  it('is the next version after the default 0', () => {
    spec([])
      .when(set(20, 0, 10))
      .then([adopted(1, 20, 0, 10)]);
    spec([adopted(1, 20, 0, 10)])
      .when(set(5, 1, 5))
      .then([adopted(2, 5, 1, 5)]);
  });

  it.each([
    [0, 0, 1, 'ok'],
    [100, 99, 100, 'ok'],
    [101, 0, 100, 'ORDERS.INVALID_CHAT_POLICY'],
    [-1, 0, 100, 'ORDERS.INVALID_CHAT_POLICY'],
    [10.5, 0, 100, 'ORDERS.INVALID_CHAT_POLICY'],
    [10, -1, 100, 'ORDERS.INVALID_CHAT_POLICY'],
    [10, 0, 101, 'ORDERS.INVALID_CHAT_POLICY'],
    [10, 50, 50, 'ORDERS.SCORE_RANGE_REVERSED'],
    [10, 60, 50, 'ORDERS.SCORE_RANGE_REVERSED'],
  ])('%p %%, scores %p–%p → %s', (percent, min, max, outcome) => {
    const run = spec([]).when(set(percent, min, max));
    if (outcome === 'ok') run.then([adopted(1, percent, min, max)]);
    else run.thenThrows(outcome);
  });
});
