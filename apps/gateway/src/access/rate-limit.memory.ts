import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often budgets idle past their window and block are dropped. */
const SWEEP_EVERY_MS = 60_000;

/** A client's budget: when each counted hit leaves the window, oldest first, and the block. */
interface Budget {
  /** Expiry times of the hits still counted are `expiries[head…]`: appended in time order, dropped from the front. */
  expiries: number[];
  head: number;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
}

/**
 * Rate-limit budgets in this replica's memory (the default `RATE_LIMIT_STORE=memory`): the sliding window of
 * @nestjs/throttler's `ThrottlerStorageService`, answer for answer (rate-limit.memory.unit.spec.ts compares them),
 * at a constant cost per request. The library filters a client's whole list of hits on every request, so a
 * request cost grew with the limit (at a high limit, tens of thousands of entries per request, the gateway's
 * largest CPU item); here hits leave from the front of the list, as they were added in time order. Should the
 * clock step back, a later hit may expire before an earlier one and is then counted a little longer: the budget is
 * only ever stricter.
 *
 * A key is one throttler's (the gateway's `generateKey` puts the throttler's name in it).
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly budgets = new Map<string, Budget>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = { expiries: [], head: 0, expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false };
      this.budgets.set(key, budget);
    }
    dropExpired(budget, now);
    let timeToExpire = secondsUntil(budget.expiresAt, now);
    if (timeToExpire <= 0) {
      budget.expiresAt = now + ttl;
      timeToExpire = secondsUntil(budget.expiresAt, now);
    }
    if (blockDuration <= 0) {
      // Over the limit a request is refused and not counted; no block outlasts the hits.
      const isBlocked = counted(budget) >= limit;
      if (!isBlocked) budget.expiries.push(now + ttl);
      const oldest = budget.expiries[budget.head];
      return Promise.resolve({
        totalHits: counted(budget) + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? (oldest === undefined ? timeToExpire : secondsUntil(oldest, now)) : 0,
      });
    }
    if (!budget.isBlocked) budget.expiries.push(now + ttl);
    if (counted(budget) > limit && !budget.isBlocked) {
      budget.isBlocked = true;
      budget.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = secondsUntil(budget.blockExpiresAt, now);
    if (timeToBlockExpire <= 0 && budget.isBlocked) {
      // The block is over: the budget starts again with this request.
      budget.isBlocked = false;
      budget.expiries = [now + ttl];
      budget.head = 0;
    }
    return Promise.resolve({
      totalHits: counted(budget),
      timeToExpire,
      isBlocked: budget.isBlocked,
      timeToBlockExpire,
    });
  }

  /** Forgets every budget and stops the sweeps (the gateway is closing). */
  close(): void {
    clearInterval(this.sweeper);
    this.budgets.clear();
  }

  /** Drops the budgets nobody used for a window: no hit counted, no block running. */
  sweep(now = this.now()): void {
    for (const [key, budget] of this.budgets) {
      if (budget.isBlocked && budget.blockExpiresAt > now) continue;
      if (budget.expiresAt > now) continue;
      dropExpired(budget, now);
      if (counted(budget) > 0) continue;
      this.budgets.delete(key);
    }
  }

  /** How many budgets are kept (for tests). */
  get size(): number {
    return this.budgets.size;
  }
}

function counted(budget: Budget): number {
  return budget.expiries.length - budget.head;
}

function dropExpired(budget: Budget, now: number): void {
  const { expiries } = budget;
  let head = budget.head;
  while (head < expiries.length && (expiries[head] as number) <= now) head++;
  // Compact once half the list is gone, so the list stays as long as the hits counted (amortised O(1)).
  if (head > 32 && head * 2 > expiries.length) {
    budget.expiries = expiries.slice(head);
    budget.head = 0;
  } else budget.head = head;
}

function secondsUntil(at: number, now: number): number {
  return Math.ceil((at - now) / 1000);
}
