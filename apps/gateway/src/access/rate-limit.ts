import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { ProblemError } from '@serviceops/platform';
import { headerOf, isOperationsPath, type HttpRequest } from '../http/http.types';
import type { AccessTokens } from './access-tokens';

const THROTTLER = 'default';
const MINUTE_MS = 60_000;

/**
 * One budget per client for the whole API (not per route), REST and gRPC together: the token's user when the
 * request carries a valid one, else the client's IP. The operations routes are not limited (Swagger is served
 * outside Nest).
 */
export function rateLimitOptions(
  limitPerMinute: number,
  tokens: AccessTokens,
  storage: ThrottlerStorage,
): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: THROTTLER, ttl: MINUTE_MS, limit: limitPerMinute }],
    storage,
    getTracker: (req) => {
      const request = req as HttpRequest;
      return trackerOf(tokens, request, headerOf(request, 'authorization'), clientAddress(request.ip));
    },
    generateKey: (_context, tracker, name) => keyOf(name, tracker),
  };
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(true);
    return Promise.resolve(isOperationsPath(context.switchToHttp().getRequest<HttpRequest>().path));
  }
}

/**
 * The public gRPC API's limit: a call takes from the same budget, in the same storage, as a REST request of the
 * same client; over it, RESOURCE_EXHAUSTED with the RATE_LIMITED problem and when to retry.
 */
export function grpcRateLimiter(limitPerMinute: number, tokens: AccessTokens, storage: ThrottlerStorage) {
  return async (call: object, authorization: unknown, peer: string): Promise<void> => {
    const key = keyOf(THROTTLER, await trackerOf(tokens, call, authorization, clientAddress(peer)));
    const record = await storage.increment(key, MINUTE_MS, limitPerMinute, MINUTE_MS, THROTTLER);
    if (record.isBlocked)
      throw new ProblemError('RATE_LIMITED', 'too many requests; slow down', undefined, {
        retryAfter: Math.max(1, record.timeToBlockExpire),
      });
  };
}

/**
 * A client's address, the same over REST and gRPC: Express's `::ffff:127.0.0.1` and gRPC's peer
 * `ipv4:127.0.0.1:5123` or `[::1]:5123` become `127.0.0.1` and `::1`.
 */
export function clientAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.replace(/^ipv[46]:/, '');
  const host = bare.startsWith('[')
    ? bare.slice(1, bare.indexOf(']'))
    : /^[\d.]+:\d+$/.test(bare)
      ? bare.slice(0, bare.lastIndexOf(':'))
      : bare;
  return host.replace(/^::ffff:(?=[\d.]+$)/, '');
}

async function trackerOf(
  tokens: AccessTokens,
  request: object,
  authorization: unknown,
  address: string,
): Promise<string> {
  const claims = await tokens.tryRequest(request, authorization);
  return claims ? `user:${claims.tid}:${claims.sub}` : `ip:${address}`;
}

/** Keys hashed lately, by `name:tracker`: a client's key is hashed once, not on each of its requests. */
const HASHED = new Map<string, string>();
const HASHED_MAX = 10_000;

/** The storage's key of a client's budget: a hash, so no user id or address is kept in clear. */
export function keyOf(name: string, tracker: string): string {
  const plain = `${name}:${tracker}`;
  let key = HASHED.get(plain);
  if (key === undefined) {
    key = createHash('sha256').update(plain).digest('hex');
    if (HASHED.size >= HASHED_MAX) HASHED.clear();
    HASHED.set(plain, key);
  }
  return key;
}
