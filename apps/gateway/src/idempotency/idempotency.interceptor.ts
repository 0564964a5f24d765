import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError, type Problem } from '@serviceops/platform';
import type { Logger } from 'pino';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import type { AccessRequest } from '../access/access-request';
import { ACCESS_METADATA, ANSWER_METADATA } from '../access/access.decorators';
import { PUBLIC, type Access } from '../access/access.table';
import { problemOf, ProblemResponse } from '../errors/problems';
import { headerOf, type HttpResponse } from '../http/http.types';
import { parseIdempotencyKey, requestHash } from './idempotency-key';
import { IdempotencyStore, type IdempotentRequest, type StoredAnswer } from './idempotency.store';

/** The gateway's logger, as the interceptor is given it (Nest builds the interceptor for each route using it). */
export const IDEMPOTENCY_LOGGER = Symbol('IDEMPOTENCY_LOGGER');

/** Headers of an answer that a replay must repeat. */
const KEPT_HEADERS = ['etag', 'location'] as const;

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * `Idempotency-Key` on an authenticated POST: the first request acts and its answer (2xx or 4xx) is kept; a
 * retry with the same key and request gets that answer again without acting. 5xx answers are not kept, so a
 * retry acts again. Runs after the guards (the tenant comes from the token) and before validation, so a
 * refused body is an answer like any other. Mounted only on the routes it can act on (an authenticated POST: see
 * `Endpoint`), not globally: every interceptor costs each request Nest's interceptor chain (async resources, rxjs).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(IDEMPOTENCY_LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const res = context.switchToHttp().getResponse<HttpResponse>();
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const view = this.reflector.get<Type<unknown> | undefined>(ANSWER_METADATA, context.getHandler());
    const header = headerOf(req, 'idempotency-key');
    if (
      req.method !== 'POST' ||
      access === undefined ||
      access === PUBLIC ||
      header === undefined ||
      !req.claims
    )
      return next.handle();
    const request: IdempotentRequest = {
      tenantId: req.claims.tid,
      actorId: req.claims.sub,
      key: parseIdempotencyKey(header),
      method: req.method,
      path: req.originalUrl,
      requestHash: requestHash(req.body, headerOf(req, 'if-match')),
      view,
    };
    return from(this.store.claim(request)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'claimed':
            return this.act(request, claim.owner, res, next);
          case 'answered':
            return replay(claim.answer, res);
          case 'in-progress':
            throw new ProblemError(
              'IDEMPOTENCY.IN_PROGRESS',
              'a request with this Idempotency-Key is still in progress; retry shortly',
            );
          case 'reused':
            throw new ProblemError(
              'IDEMPOTENCY.KEY_REUSED',
              'this Idempotency-Key was already used for a different request',
            );
        }
      }),
    );
  }

  private act(
    request: IdempotentRequest,
    owner: string,
    res: HttpResponse,
    next: CallHandler,
  ): Observable<unknown> {
    return next.handle().pipe(
      mergeMap((body) =>
        from(this.keep(request, owner, answerOf(res.statusCode, body, res))).pipe(mergeMap(() => of(body))),
      ),
      catchError((error: unknown) => {
        const problem = problemOf(error);
        const settled =
          problem.status >= 500
            ? this.forget(request, owner)
            : this.keep(request, owner, answerOf(problem.status, problem, res));
        return from(settled).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  /** A failure to keep the answer must not lose it: the key is released instead, and the answer still sent. */
  private async keep(request: IdempotentRequest, owner: string, answer: StoredAnswer): Promise<void> {
    try {
      await this.store.complete(request, owner, answer);
    } catch (error) {
      this.logger.error({ err: error, key: request.key }, 'could not keep an idempotent answer');
      await this.forget(request, owner);
    }
  }

  private async forget(request: IdempotentRequest, owner: string): Promise<void> {
    try {
      await this.store.release(request, owner);
    } catch (error) {
      this.logger.error({ err: error, key: request.key }, 'could not release an idempotency key');
    }
  }
}

function answerOf(status: number, body: unknown, res: HttpResponse): StoredAnswer {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return { status, headers, body: JSON.stringify(body ?? null) };
}

/** The kept answer again: a success through the route (same status), a problem through the filter. */
function replay(answer: StoredAnswer, res: HttpResponse): Observable<unknown> {
  res.setHeader(REPLAYED_HEADER, 'true');
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  const body = JSON.parse(answer.body) as unknown;
  if (answer.status >= 400) throw new ProblemResponse(body as Problem);
  res.statusCode = answer.status;
  return of(body);
}
