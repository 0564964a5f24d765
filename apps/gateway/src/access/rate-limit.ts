import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { headerOf, isOperationsPath, type HttpRequest } from '../http/http.types';
import type { AccessTokens } from './access-tokens';

/**
 * One budget per client for the whole API (not per route): the token's user when the request carries a
 * valid one, else the client's IP. The operations routes are not limited (Swagger is served outside Nest).
 */
export function rateLimitOptions(limitPerMinute: number, tokens: AccessTokens): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: 60_000, limit: limitPerMinute }],
    getTracker: (req) => {
      const request = req as HttpRequest;
      const claims = tokens.tryRequest(request, headerOf(request, 'authorization'));
      return claims ? `user:${claims.tid}:${claims.sub}` : `ip:${request.ip ?? 'unknown'}`;
    },
    generateKey: (_context, tracker, name) => createHash('sha256').update(`${name}:${tracker}`).digest('hex'),
  };
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(true);
    return Promise.resolve(isOperationsPath(context.switchToHttp().getRequest<HttpRequest>().path));
  }
}
