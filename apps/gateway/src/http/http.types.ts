import type { IncomingMessage, ServerResponse } from 'node:http';

/** The parts of Express's request the gateway reads, plus what its own middleware attaches (access adds the claims). */
export interface HttpRequest extends IncomingMessage {
  method: string;
  body?: unknown;
  ip?: string;
  originalUrl: string;
  path: string;
  baseUrl?: string;
  route?: { path?: unknown };
  /** The route's path parameters (Express). */
  params: Record<string, string>;
  /** Set by the correlation middleware on every request. */
  correlationId?: string;
  /** The caller's own X-Correlation-Id, when sane: recorded, never used to link. */
  clientCorrelationId?: string;
}

export type HttpResponse = ServerResponse;

export type NextFunction = (error?: unknown) => void;

/** A header's single value: the first when repeated. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The health routes (outside /api/v1): neither authenticated nor rate limited. /metrics has a port of its own. */
export function isOperationsPath(path: string): boolean {
  return path === '/health/live' || path === '/health/ready';
}

/** A message as gRPC gives it: proto3 leaves the fields `K` off the wire when they hold 0, false or "". */
export type FromWire<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
