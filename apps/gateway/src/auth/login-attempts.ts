/**
 * Failed logins counted per key (an account, or a client), and the lock they earn: pure decisions, no clock or
 * store of their own (times are epoch milliseconds passed in).
 */
export interface LoginPolicy {
  /** Failures within `windowMs` that lock the key. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** The first lock; each further one doubles, up to `maxLockMs`. */
  readonly lockMs: number;
  readonly maxLockMs: number;
}

export interface LoginAttempts {
  /** Failures counted in the window that began at `windowStart`. */
  readonly failures: number;
  readonly windowStart: number;
  /** Refused until then (0: never locked). */
  readonly lockedUntil: number;
  /** Locks earned so far: the next one lasts `lockMs × 2^locks`. */
  readonly locks: number;
}

export const NO_ATTEMPTS: LoginAttempts = { failures: 0, windowStart: 0, lockedUntil: 0, locks: 0 };

export type Admission =
  { readonly admitted: true } | { readonly admitted: false; readonly retryAfterMs: number };

/** May the key try now? Not while it is locked, whatever the password. */
export function admit(attempts: LoginAttempts, now: number): Admission {
  return now < attempts.lockedUntil
    ? { admitted: false, retryAfterMs: attempts.lockedUntil - now }
    : { admitted: true };
}

/**
 * One more failure: counted in the current window (a window over starts a new one), and the failure that
 * reaches `maxFailures` locks the key, for longer each time. A full window without a lock forgets the locks.
 */
export function afterFailure(attempts: LoginAttempts, now: number, policy: LoginPolicy): LoginAttempts {
  const windowOver = now - attempts.windowStart >= policy.windowMs;
  const calm = windowOver && now - attempts.lockedUntil >= policy.windowMs;
  const counted: LoginAttempts = windowOver
    ? { failures: 1, windowStart: now, lockedUntil: attempts.lockedUntil, locks: calm ? 0 : attempts.locks }
    : { ...attempts, failures: attempts.failures + 1 };
  if (counted.failures < policy.maxFailures) return counted;
  return {
    failures: 0,
    windowStart: now,
    lockedUntil: now + lockLength(counted.locks, policy),
    locks: counted.locks + 1,
  };
}

/** A correct password clears an account's failures and locks (a client's are kept: see LoginThrottle). */
export function afterSuccess(): LoginAttempts {
  return NO_ATTEMPTS;
}

export function lockLength(locks: number, policy: LoginPolicy): number {
  return Math.min(policy.lockMs * 2 ** Math.min(locks, 30), policy.maxLockMs);
}
