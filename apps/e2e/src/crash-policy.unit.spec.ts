import { createRequire } from 'node:module';
import * as path from 'node:path';

// infra/crash-policy.cjs: what `npm start` does when a service (or the one process) exits unasked. The e2e suite
// supervision.e2e.spec.ts kills services and sees them come back; a crash loop and a refused configuration are
// decided here, where no platform has to crash six times to show it.

interface Decision {
  readonly action: 'stop-config' | 'give-up' | 'restart';
  readonly delayMs: number;
  readonly crashes: number[];
}
interface CrashPolicy {
  readonly afterExit: (earlier: readonly number[], code: number | null, now: number) => Decision;
  readonly CRASH_WINDOW_MS: number;
  readonly MAX_CRASHES: number;
  readonly EX_CONFIG: number;
}

const load = createRequire(__filename);
const { afterExit, CRASH_WINDOW_MS, MAX_CRASHES, EX_CONFIG } = load(
  path.resolve(__dirname, '../../../infra/crash-policy.cjs'),
) as CrashPolicy;

/** Exits `n` times, a second apart, and answers each decision. */
function exits(n: number, code: number | null = 1, gapMs = 1_000): Decision[] {
  let earlier: number[] = [];
  const decisions: Decision[] = [];
  for (let i = 0; i < n; i++) {
    const decision = afterExit(earlier, code, 1_000_000 + i * gapMs);
    decisions.push(decision);
    earlier = decision.crashes;
  }
  return decisions;
}

describe('the launcher after a child exits unasked', () => {
  it('restarts with backoff: 0.5 s, 1 s, 2 s, 4 s, 8 s', () => {
    expect(exits(5).map((d) => [d.action, d.delayMs])).toEqual([
      ['restart', 500],
      ['restart', 1_000],
      ['restart', 2_000],
      ['restart', 4_000],
      ['restart', 8_000],
    ]);
  });

  it('gives up on the sixth exit within a minute, stopping the platform', () => {
    expect(MAX_CRASHES).toBe(5);
    expect(CRASH_WINDOW_MS).toBe(60_000);
    expect(exits(6).at(-1)?.action).toBe('give-up');
  });

  it('forgets exits older than the window: a service that crashes once in a while is always restarted', () => {
    const spread = exits(20, 1, CRASH_WINDOW_MS / 5);
    expect(spread.every((d) => d.action === 'restart')).toBe(true);
    expect(spread.at(-1)?.crashes).toHaveLength(5);
    // One more inside the window than allowed, with the first just inside, is a loop.
    expect(exits(6, 1, (CRASH_WINDOW_MS - 1) / 5).at(-1)?.action).toBe('give-up');
    expect(exits(6, 1, CRASH_WINDOW_MS / 5).at(-1)?.action).toBe('restart');
  });

  it('stops at once when a service refuses its configuration (exit 78): restarting cannot help', () => {
    expect(EX_CONFIG).toBe(78);
    expect(afterExit([], 78, 0).action).toBe('stop-config');
    expect(afterExit([], 77, 0).action).toBe('restart');
  });

  it('restarts a child a signal ended (no exit code)', () => {
    expect(afterExit([], null, 0)).toEqual({ action: 'restart', delayMs: 500, crashes: [0] });
  });
});
