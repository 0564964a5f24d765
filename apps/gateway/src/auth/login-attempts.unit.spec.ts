import {
  admit,
  afterFailure,
  afterSuccess,
  lockLength,
  NO_ATTEMPTS,
  type LoginAttempts,
  type LoginPolicy,
} from './login-attempts';

const MINUTE = 60_000;
const POLICY: LoginPolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: MINUTE, maxLockMs: 8 * MINUTE };

/** The attempts after a failure at each of these times. */
function failuresAt(times: readonly number[], from: LoginAttempts = NO_ATTEMPTS): LoginAttempts {
  return times.reduce((attempts, time) => afterFailure(attempts, time, POLICY), from);
}

const times = (count: number, start = 1_000, step = 1_000): number[] =>
  Array.from({ length: count }, (_, i) => start + i * step);

describe('login attempts', () => {
  it('admits a key that never failed', () => {
    expect(admit(NO_ATTEMPTS, 1_000)).toEqual({ admitted: true });
  });

  it.each([
    [4, true],
    [5, false],
    [6, false],
  ])('after %i failures in the window, admits: %s', (count, admitted) => {
    const attempts = failuresAt(times(count));
    expect(admit(attempts, 1_000 + count * 1_000).admitted).toBe(admitted);
  });

  it('locks for the policy’s first lock, counted from the fifth failure', () => {
    const attempts = failuresAt(times(5));
    expect(attempts).toEqual({ failures: 0, windowStart: 5_000, lockedUntil: 5_000 + MINUTE, locks: 1 });
    expect(admit(attempts, 5_000 + MINUTE - 1)).toEqual({ admitted: false, retryAfterMs: 1 });
    expect(admit(attempts, 5_000 + MINUTE)).toEqual({ admitted: true });
  });

  it('starts a new window when the window is over: 4 + 1 failures 15 minutes apart do not lock', () => {
    const attempts = failuresAt([...times(4, 0, 0), 15 * MINUTE]);
    expect(attempts).toMatchObject({ failures: 1, windowStart: 15 * MINUTE, lockedUntil: 0 });
    expect(admit(attempts, 15 * MINUTE).admitted).toBe(true);
  });

  it('counts a failure 1 ms before the window’s end in the window', () => {
    const attempts = failuresAt([...times(4, 0, 0), 15 * MINUTE - 1]);
    expect(admit(attempts, 15 * MINUTE).admitted).toBe(false);
  });

  it('locks for longer each time, up to the longest lock', () => {
    let attempts = NO_ATTEMPTS;
    let now = 0;
    const locks: number[] = [];
    for (let round = 0; round < 6; round++) {
      attempts = failuresAt(times(5, now, 1), attempts);
      now = attempts.lockedUntil;
      locks.push(attempts.lockedUntil - attempts.windowStart);
    }
    expect(locks).toEqual([1, 2, 4, 8, 8, 8].map((m) => m * MINUTE));
  });

  it('forgets the locks after a full window without one', () => {
    const locked = failuresAt(times(5, 0, 0));
    const later = failuresAt([locked.lockedUntil + 15 * MINUTE], locked);
    expect(later).toMatchObject({ failures: 1, locks: 0 });
    const sooner = failuresAt([locked.lockedUntil + 15 * MINUTE - 1], locked);
    expect(sooner).toMatchObject({ locks: 1 });
  });

  it('clears failures and locks after a success', () => {
    expect(afterSuccess()).toEqual(NO_ATTEMPTS);
  });

  it.each([
    [0, MINUTE],
    [1, 2 * MINUTE],
    [3, 8 * MINUTE],
    [4, 8 * MINUTE],
    [100, 8 * MINUTE],
  ])('after %i locks, the next lasts %i ms', (locks, ms) => {
    expect(lockLength(locks, POLICY)).toBe(ms);
  });
});
