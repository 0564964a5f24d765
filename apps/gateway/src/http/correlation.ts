import { randomUUID } from 'node:crypto';
import { context, propagation, trace } from '@opentelemetry/api';
import { headerOf, type HttpRequest, type HttpResponse, type NextFunction } from './http.types';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is sane (≤ 128 of [A-Za-z0-9._:-]), else undefined. */
export function sanitiseCorrelationId(value: unknown): string | undefined {
  return typeof value === 'string' && SANE.test(value) ? value : undefined;
}

/** The platform's correlation id for a new request: always ours, whatever the caller sent. */
export function newCorrelationId(): string {
  return randomUUID();
}

/** Where the caller's own X-Correlation-Id is echoed: ours is in X-Correlation-Id. */
export const CLIENT_CORRELATION_HEADER = 'X-Client-Correlation-Id';

/** The active span's context as a W3C traceparent. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/**
 * First middleware: every answer, errors included, carries the request's correlation id and the trace it is
 * part of; the id goes upstream in the call context. The id is generated here: a caller's X-Correlation-Id
 * (when sane) is kept beside it as the client's, echoed in X-Client-Correlation-Id, and never links records —
 * otherwise anyone could tie their request into another's trail.
 */
export function correlationMiddleware(req: HttpRequest, res: HttpResponse, next: NextFunction): void {
  const id = newCorrelationId();
  req.correlationId = id;
  res.setHeader('x-correlation-id', id);
  const client = sanitiseCorrelationId(headerOf(req, 'x-correlation-id'));
  if (client) {
    req.clientCorrelationId = client;
    res.setHeader(CLIENT_CORRELATION_HEADER, client);
  }
  trace.getActiveSpan()?.setAttribute('serviceops.correlation_id', id);
  const traceparent = activeTraceparent();
  if (traceparent) res.setHeader('traceparent', traceparent);
  next();
}
