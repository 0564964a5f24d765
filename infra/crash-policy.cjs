// infra/crash-policy.cjs: what the launcher (infra/start.mjs) does when a child exits unasked. Plain CommonJS so
// that the launcher and its unit test (apps/e2e/src/crash-policy.unit.spec.ts) share it.
'use strict';

/** Exits counted together: more than MAX_CRASHES within the window is a crash loop. */
const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES = 5;
/** sysexits' EX_CONFIG: the service refused its configuration; restarting cannot help. */
const EX_CONFIG = 78;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * The decision after an unasked exit, given when the child's earlier exits happened.
 * @param {readonly number[]} earlier times (ms) of the child's earlier unasked exits
 * @param {number | null} code its exit code (null when a signal ended it)
 * @param {number} now
 * @returns {{ action: 'stop-config' | 'give-up' | 'restart', delayMs: number, crashes: number[] }}
 *   `crashes`: the exits still inside the window, this one included (keep them for the next exit)
 */
function afterExit(earlier, code, now) {
  const crashes = [...earlier.filter((at) => now - at < CRASH_WINDOW_MS), now];
  if (code === EX_CONFIG) return { action: 'stop-config', delayMs: 0, crashes };
  if (crashes.length > MAX_CRASHES) return { action: 'give-up', delayMs: 0, crashes };
  // Back off: 0.5 s, 1 s, 2 s, … up to 8 s.
  const delayMs = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (crashes.length - 1));
  return { action: 'restart', delayMs, crashes };
}

module.exports = { afterExit, CRASH_WINDOW_MS, MAX_CRASHES, EX_CONFIG };
