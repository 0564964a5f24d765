import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RULES, text, type StringRule } from '@serviceops/kernel';
import { optional, ProblemError, type CallContext } from '@serviceops/platform';
import { newCorrelationId, sanitiseCorrelationId } from '../http/correlation';
import { headerOf } from '../http/http.types';
import type { AccessRequest } from './access-request';
import type { AccessClaims } from './jwt';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
const PURPOSE_TEXT = text(1, 200);

/**
 * X-Purpose: why personal data is read, 1–200 characters without control characters, in any script (sent as
 * UTF-8 bytes; a header that is not valid UTF-8 is read as Latin-1). OpenAPI states the same (endpoint.decorator).
 */
export const PURPOSE: StringRule = {
  message: 'must be 1–200 characters without control characters',
  schema: {
    type: 'string',
    minLength: 1,
    maxLength: 200,
    pattern: '^[^\\x00-\\x1f\\x7f-\\x9f]*[^\\s\\x00-\\x1f\\x7f-\\x9f\\ufeff][^\\x00-\\x1f\\x7f-\\x9f]*$',
  },
  accepts: (raw) => !CONTROL.test(raw) && PURPOSE_TEXT.accepts(raw),
};

/** A header's text: its bytes as UTF-8 where they are UTF-8, else as Latin-1 (how Node hands them over). */
export function headerText(value: string): string {
  const bytes = Buffer.from(value, 'latin1');
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : value;
}

/** The headers' shapes; OpenAPI states the same patterns (openapi/endpoint.decorator.ts). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7E](?:[\x20-\x7E]{0,198}[\x21-\x7E])?$/;

/** An Idempotency-Key is 1–200 printable ASCII characters, without surrounding spaces. */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

export interface CallerHeaders {
  /** The platform's id for this request (generated when absent). */
  readonly correlationId?: string;
  /** The caller's X-Correlation-Id. */
  readonly clientCorrelationId?: string;
  readonly idempotencyKey?: string;
  readonly onBehalfOf?: string;
  readonly purpose?: string;
}

/**
 * Who calls and why, from the verified token (tenant, actor, roles: never from the body) and the request's
 * headers. X-On-Behalf-Of and X-Purpose that are not well formed are refused (400), never silently dropped:
 * they go into the audit trail.
 */
export function callContextOf(claims: AccessClaims, headers: CallerHeaders): CallContext {
  const onBehalfOf = headers.onBehalfOf?.trim();
  if (onBehalfOf !== undefined && !RULES.uuid.accepts(onBehalfOf))
    throw new ProblemError('VALIDATION', 'X-On-Behalf-Of must be the id (UUID) of a person', [
      { path: 'X-On-Behalf-Of', message: 'must be a UUID' },
    ]);
  const purpose = headers.purpose === undefined ? undefined : headerText(headers.purpose).trim();
  if (purpose !== undefined && !PURPOSE.accepts(purpose))
    throw new ProblemError('VALIDATION', `X-Purpose ${PURPOSE.message}`, [
      { path: 'X-Purpose', message: PURPOSE.message },
    ]);
  return {
    tenantId: claims.tid,
    actorId: claims.sub,
    roles: claims.roles,
    correlationId: headers.correlationId ?? newCorrelationId(),
    ...optional('clientCorrelationId', sanitiseCorrelationId(headers.clientCorrelationId)),
    ...(isIdempotencyKey(headers.idempotencyKey) ? { idempotencyKey: headers.idempotencyKey } : {}),
    ...(onBehalfOf ? { onBehalfOf: onBehalfOf.toLowerCase() } : {}),
    ...(purpose ? { purpose } : {}),
  };
}

/** The request's call context, made once (the access guard makes it, to check the headers; handlers reuse it). */
export function callContextOfRequest(req: AccessRequest): CallContext {
  if (req.callContext) return req.callContext;
  if (!req.claims) throw new ProblemError('UNAUTHENTICATED', 'the request carries no valid token');
  req.callContext = callContextOf(req.claims, {
    correlationId: req.correlationId,
    clientCorrelationId: req.clientCorrelationId,
    idempotencyKey: headerOf(req, 'idempotency-key'),
    onBehalfOf: headerOf(req, 'x-on-behalf-of'),
    purpose: headerOf(req, 'x-purpose'),
  });
  return req.callContext;
}

/** The caller of an authenticated route, as the call context sent upstream. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallContext =>
  callContextOfRequest(context.switchToHttp().getRequest<AccessRequest>()),
);
