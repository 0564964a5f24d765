import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ProblemError, type CallContext } from '@serviceops/platform';
import { correlationIdOf } from '../http/correlation';
import { headerOf } from '../http/http.types';
import type { AccessRequest } from './access-request';
import type { AccessClaims } from './jwt';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The headers' shapes; OpenAPI states the same patterns (openapi/endpoint.decorator.ts). */
export const PURPOSE = /^[\x20-\x7E]{1,200}$/;
export const IDEMPOTENCY_KEY = /^[\x21-\x7E](?:[\x20-\x7E]{0,198}[\x21-\x7E])?$/;

/** An Idempotency-Key is 1–200 printable ASCII characters, without surrounding spaces. */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

export interface CallerHeaders {
  readonly correlationId?: string;
  readonly idempotencyKey?: string;
  readonly onBehalfOf?: string;
  readonly purpose?: string;
}

/**
 * Who calls and why, from the verified token (tenant, actor, roles: never from the body) and the request's
 * headers. Headers that are not well formed are left out rather than trusted.
 */
export function callContextOf(claims: AccessClaims, headers: CallerHeaders): CallContext {
  const onBehalfOf = headers.onBehalfOf?.trim();
  const purpose = headers.purpose?.trim();
  return {
    tenantId: claims.tid,
    actorId: claims.sub,
    roles: claims.roles,
    correlationId: correlationIdOf(headers.correlationId),
    ...(isIdempotencyKey(headers.idempotencyKey) ? { idempotencyKey: headers.idempotencyKey } : {}),
    ...(onBehalfOf && UUID.test(onBehalfOf) ? { onBehalfOf: onBehalfOf.toLowerCase() } : {}),
    ...(purpose && PURPOSE.test(purpose) ? { purpose } : {}),
  };
}

export function callContextOfRequest(req: AccessRequest): CallContext {
  if (!req.claims) throw new ProblemError('UNAUTHENTICATED', 'the request carries no valid token');
  return callContextOf(req.claims, {
    correlationId: req.correlationId,
    idempotencyKey: headerOf(req, 'idempotency-key'),
    onBehalfOf: headerOf(req, 'x-on-behalf-of'),
    purpose: headerOf(req, 'x-purpose'),
  });
}

/** The caller of an authenticated route, as the call context sent upstream. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallContext =>
  callContextOfRequest(context.switchToHttp().getRequest<AccessRequest>()),
);
