import { ThrottlerStorageService } from '@nestjs/throttler';
import { MemoryThrottlerStorage } from './rate-limit.memory';

const NAME = 'default';

/** A small deterministic generator, so a failing sequence can be replayed. */
function randomOf(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('the in-memory rate limit', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it.each([
    ['blocks for a while once over the limit', 5, 1_000, 3_000],
    ['refuses over the limit without a block', 5, 1_000, 0],
    ['counts a larger budget over a longer window', 40, 10_000, 2_000],
  ])(
    'answers as @nestjs/throttler’s storage does, request for request: %s',
    async (_case, limit, ttl, blockDuration) => {
      const theirs = new ThrottlerStorageService();
      const ours = new MemoryThrottlerStorage(() => Date.now());
      const random = randomOf(limit + ttl + blockDuration);
      const answers: unknown[] = [];
      try {
        for (let i = 0; i < 3_000; i++) {
          // Bursts and pauses, over several windows and blocks, for two clients.
          jest.advanceTimersByTime(random() < 0.9 ? Math.floor(random() * 20) : Math.floor(random() * 2_500));
          const key = random() < 0.7 ? 'client-a' : 'client-b';
          const expected = await theirs.increment(key, ttl, limit, blockDuration, NAME);
          expect(await ours.increment(key, ttl, limit, blockDuration, NAME)).toEqual(expected);
          answers.push(expected);
        }
      } finally {
        theirs.onApplicationShutdown();
        ours.close();
      }
      // The sequence went through both states: let through and refused.
      expect(answers.some((a) => (a as { isBlocked: boolean }).isBlocked)).toBe(true);
      expect(answers.some((a) => !(a as { isBlocked: boolean }).isBlocked)).toBe(true);
    },
  );

  it('costs the same per request whatever the limit: hits leave from the front', async () => {
    const ours = new MemoryThrottlerStorage(() => Date.now());
    try {
      for (let i = 0; i < 50_000; i++) {
        jest.advanceTimersByTime(2);
        await ours.increment('client', 60_000, 1_000_000, 60_000, NAME);
      }
      // 50,000 hits in 100 s with a 60 s window: the last 30,000 are counted.
      const last = await ours.increment('client', 60_000, 1_000_000, 60_000, NAME);
      expect(last.totalHits).toBe(30_001);
      expect(last.isBlocked).toBe(false);
    } finally {
      ours.close();
    }
  });

  it('forgets a client idle past its window, and keeps one still blocked', async () => {
    const ours = new MemoryThrottlerStorage(() => Date.now());
    try {
      await ours.increment('quiet', 1_000, 5, 1_000, NAME);
      for (let i = 0; i < 3; i++) await ours.increment('loud', 1_000, 1, 10_000, NAME);
      jest.advanceTimersByTime(2_000);
      ours.sweep();
      expect(ours.size).toBe(1);
      jest.advanceTimersByTime(10_000);
      ours.sweep();
      expect(ours.size).toBe(0);
    } finally {
      ours.close();
    }
  });
});
