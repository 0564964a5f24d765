import { randomUUID } from 'node:crypto';
import { context, propagation, trace } from '@opentelemetry/api';
import { headerOf, type HttpRequest, type HttpResponse, type NextFunction } from './http.types';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is sane (≤ 128 of [A-Za-z0-9._:-]), else undefined. */
export function sanitiseCorrelationId(value: unknown): string | undefined {
  return typeof value === 'string' && SANE.test(value) ? value : undefined;
}

export function correlationIdOf(value: unknown): string {
  return sanitiseCorrelationId(value) ?? randomUUID();
}

/** The active span's context as a W3C traceparent. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/**
 * First middleware: every answer, errors included, carries the request's correlation id and the trace it is
 * part of; the id goes upstream in the call context.
 */
export function correlationMiddleware(req: HttpRequest, res: HttpResponse, next: NextFunction): void {
  const id = correlationIdOf(headerOf(req, 'x-correlation-id'));
  req.correlationId = id;
  res.setHeader('x-correlation-id', id);
  trace.getActiveSpan()?.setAttribute('serviceops.correlation_id', id);
  const traceparent = activeTraceparent();
  if (traceparent) res.setHeader('traceparent', traceparent);
  next();
}
