import { DomainError } from '@serviceops/kernel';

/**
 * Companion chat (issue 15 item 8): waiting customers queue first come, first served per business line and
 * branch; a free companion is allocated by least load; a sample of ended sessions (the tenant policy's rate) is
 * flagged for quality inspection and the inspector's score (within the policy's range) feeds staff KPIs.
 */

export const ChatErrorCode = {
  CHAT_SESSION_NOT_FOUND: 'ORDERS.CHAT_SESSION_NOT_FOUND',
  CHAT_SESSION_EXISTS: 'ORDERS.CHAT_SESSION_EXISTS',
  INVALID_LINE: 'ORDERS.INVALID_LINE',
  CHAT_NOT_WAITING: 'ORDERS.CHAT_NOT_WAITING',
  CHAT_NOT_ALLOCATED: 'ORDERS.CHAT_NOT_ALLOCATED',
  CHAT_NOT_ACTIVE: 'ORDERS.CHAT_NOT_ACTIVE',
  CHAT_NOT_ENDED: 'ORDERS.CHAT_NOT_ENDED',
  CHAT_NOT_SAMPLED: 'ORDERS.CHAT_NOT_SAMPLED',
  CHAT_ALREADY_SCORED: 'ORDERS.CHAT_ALREADY_SCORED',
  SCORE_OUT_OF_RANGE: 'ORDERS.SCORE_OUT_OF_RANGE',
  /** Nobody waits in the line / branch's queue. */
  CHAT_QUEUE_EMPTY: 'ORDERS.CHAT_QUEUE_EMPTY',
  /** No companion of the line / branch has room for another chat. */
  NO_COMPANION_FREE: 'ORDERS.NO_COMPANION_FREE',
  COMPANION_NOT_ON_DUTY: 'ORDERS.COMPANION_NOT_ON_DUTY',
  COMPANION_AT_CAPACITY: 'ORDERS.COMPANION_AT_CAPACITY',
  COMPANION_WRONG_QUEUE: 'ORDERS.COMPANION_WRONG_QUEUE',
  CHAT_NOT_ASSIGNED: 'ORDERS.CHAT_NOT_ASSIGNED',
  INVALID_CAPACITY: 'ORDERS.INVALID_CAPACITY',
  INVALID_CHAT_POLICY: 'ORDERS.INVALID_CHAT_POLICY',
  /** The score range's low end is not below its high end (a rule between two fields: 422). */
  SCORE_RANGE_REVERSED: 'ORDERS.SCORE_RANGE_REVERSED',
} as const;
export type ChatErrorCode = (typeof ChatErrorCode)[keyof typeof ChatErrorCode];

export function chatError(
  code: ChatErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}

/** The tenant's chat policy: how many ended sessions in a hundred are inspected, the inspector's score range. */
export interface ChatPolicy {
  readonly version: number;
  /** 0–100: the share of ended sessions flagged for quality inspection, in percent. */
  readonly samplePercent: number;
  readonly scoreMin: number;
  readonly scoreMax: number;
}

/**
 * Version 0, in force until a tenant sets its own: the regulations say "a certain share" (定期抽取一定比例) without
 * a number; one in ten, scored 0–100, is our assumption.
 */
export const DEFAULT_CHAT_POLICY: ChatPolicy = { version: 0, samplePercent: 10, scoreMin: 0, scoreMax: 100 };

/** Bounds a policy can never leave (stated once in libs/contracts, which the gateway's schema states too). */
export { CHAT_LIMITS } from '@serviceops/contracts';

/**
 * Sampling: `draw` comes from the injected random source, uniform in [0, 1); the session is inspected when the
 * draw falls in the first `samplePercent` hundredths. 0 % never samples, 100 % always does.
 */
export function isSampled(draw: number, samplePercent: number): boolean {
  return draw * 100 < samplePercent;
}

/** The inspector's score: a whole number within the policy's range, ends included. */
export function scoreInRange(score: number, policy: Pick<ChatPolicy, 'scoreMin' | 'scoreMax'>): boolean {
  return Number.isInteger(score) && score >= policy.scoreMin && score <= policy.scoreMax;
}

/** A session waiting in a queue, as the queue's table keeps it. */
export interface Waiting {
  readonly sessionId: string;
  readonly queuedAt: string;
}

/** FIFO: the earliest queued first; two queued at the same instant by id, so the order is total. */
export function queueOrder<T extends Waiting>(waiting: readonly T[]): T[] {
  return [...waiting].sort(
    (a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt) || a.sessionId.localeCompare(b.sessionId),
  );
}

/** A companion on duty for a queue, with their current chats. */
export interface CompanionLoad {
  readonly staffId: string;
  readonly capacity: number;
  readonly active: number;
  /** The companion's last assignment or release (their duty start if none yet). */
  readonly idleSince: string;
}

/**
 * Least load first: the fewest chats in progress; ties go to the one longest without a new or ended chat (earliest `idleSince`), then to
 * the lower id. Companions at their capacity are not free and never picked. The write path checks the capacity
 * again on the companion's own stream, so a stale pick is refused, not over-assigned.
 */
export function companionsByLoad<T extends CompanionLoad>(companions: readonly T[]): T[] {
  return companions
    .filter((c) => c.active < c.capacity)
    .sort(
      (a, b) =>
        a.active - b.active ||
        Date.parse(a.idleSince) - Date.parse(b.idleSince) ||
        a.staffId.localeCompare(b.staffId),
    );
}
