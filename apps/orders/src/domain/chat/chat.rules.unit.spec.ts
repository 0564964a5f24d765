import {
  CHAT_LIMITS,
  companionsByLoad,
  DEFAULT_CHAT_POLICY,
  isSampled,
  queueOrder,
  scoreInRange,
} from './chat.rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('the queue is first come, first served', () => {
  it.each([
    [
      'earlier first',
      [
        [B, '09:01'],
        [A, '09:02'],
      ],
      [B, A],
    ],
    [
      'later queued waits',
      [
        [A, '09:05'],
        [C, '09:00'],
        [B, '09:03'],
      ],
      [C, B, A],
    ],
    [
      'same instant: by id',
      [
        [C, '09:00'],
        [A, '09:00'],
      ],
      [A, C],
    ],
    [
      'a millisecond decides',
      [
        [A, '09:00:00.001'],
        [B, '09:00:00.000'],
      ],
      [B, A],
    ],
  ] as [string, [string, string][], string[]][])('%s', (_case, waiting, expected) => {
    const rows = waiting.map(([sessionId, t]) => ({
      sessionId,
      queuedAt: `2026-03-02T${t.padEnd(8, ':00')}Z`,
    }));
    expect(queueOrder(rows).map((w) => w.sessionId)).toEqual(expected);
  });
});

describe('a free companion is allocated by least load', () => {
  const c = (staffId: string, active: number, capacity: number, idleSince = '2026-03-02T08:00:00Z') => ({
    staffId,
    active,
    capacity,
    idleSince,
  });
  it.each([
    ['fewest chats first', [c(A, 2, 3), c(B, 1, 3)], [B, A]],
    ['a companion at capacity is not free', [c(A, 0, 1), c(B, 1, 1)], [A]],
    ['one below capacity is free', [c(A, 1, 2)], [A]],
    ['capacity 0 is off duty', [c(A, 0, 0)], []],
    [
      'equal load: longest since the last chat',
      [c(A, 1, 2, '2026-03-02T09:00:00Z'), c(B, 1, 2, '2026-03-02T08:00:00Z')],
      [B, A],
    ],
    ['equal load and time: by id', [c(B, 0, 1), c(A, 0, 1)], [A, B]],
    [
      'load before idle time',
      [c(A, 1, 2, '2026-03-02T07:00:00Z'), c(B, 0, 2, '2026-03-02T09:00:00Z')],
      [B, A],
    ],
  ] as [string, ReturnType<typeof c>[], string[]][])('%s', (_case, companions, expected) => {
    expect(companionsByLoad(companions).map((x) => x.staffId)).toEqual(expected);
  });
});

describe('sampling at the policy’s rate, from the injected draw', () => {
  it.each([
    [0.0999, 10, true],
    [0.1, 10, false],
    [0, 10, true],
    [0.5, 50, false],
    [0.4999, 50, true],
    [0, 0, false],
    [0.9999, 100, true],
    [0.9999, 99, false],
  ])('draw %p at %p %% → sampled %p', (draw, percent, expected) => {
    expect(isSampled(draw, percent)).toBe(expected);
  });

  it('samples one in ten by default (the regulations give no number)', () => {
    expect(DEFAULT_CHAT_POLICY).toMatchObject({ version: 0, samplePercent: 10, scoreMin: 0, scoreMax: 100 });
  });
});

describe('the inspector’s score stays within the policy’s range', () => {
  const range = { scoreMin: 60, scoreMax: 90 };
  it.each([
    [60, true],
    [59, false],
    [90, true],
    [91, false],
    [75, true],
    [75.5, false],
    [Number.NaN, false],
  ])('%p → %p', (score, expected) => {
    expect(scoreInRange(score, range)).toBe(expected);
  });

  it('never leaves 0–100, with at most 10 chats per companion', () => {
    expect(CHAT_LIMITS).toEqual({ percentMax: 100, scoreMax: 100, capacityMax: 10 });
  });
});
