import { DomainError } from '@serviceops/kernel';

/** RFC 9457 problem details, as every HTTP error answers. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable machine-readable code: the domain rule ('TENANCY.USERNAME_TAKEN') or the edge's ('VALIDATION'). */
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface FieldError {
  /** JSON path of the offending field: 'contacts.phone', 'items[2].price'. */
  readonly path: string;
  readonly message: string;
}

/** gRPC status codes we use (the numbers are gRPC's). */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcStatusCode = (typeof GrpcStatus)[keyof typeof GrpcStatus];

interface Kind {
  readonly http: number;
  readonly grpc: GrpcStatusCode;
  readonly title: string;
}

const KINDS = {
  badRequest: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT, title: 'Bad request' },
  unauthenticated: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED, title: 'Unauthenticated' },
  forbidden: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED, title: 'Forbidden' },
  notFound: { http: 404, grpc: GrpcStatus.NOT_FOUND, title: 'Not found' },
  methodNotAllowed: { http: 405, grpc: GrpcStatus.UNIMPLEMENTED, title: 'Method not allowed' },
  conflict: { http: 409, grpc: GrpcStatus.ABORTED, title: 'Conflict' },
  tooLarge: { http: 413, grpc: GrpcStatus.RESOURCE_EXHAUSTED, title: 'Payload too large' },
  refused: { http: 422, grpc: GrpcStatus.FAILED_PRECONDITION, title: 'Refused by a business rule' },
  rateLimited: { http: 429, grpc: GrpcStatus.RESOURCE_EXHAUSTED, title: 'Too many requests' },
  internal: { http: 500, grpc: GrpcStatus.INTERNAL, title: 'Internal error' },
  unavailable: { http: 503, grpc: GrpcStatus.UNAVAILABLE, title: 'Service unavailable' },
} satisfies Record<string, Kind>;
export type ErrorKind = keyof typeof KINDS;

/**
 * The one place where an error code becomes a status. Codes are 'AREA.RULE'; exact codes first, then the
 * rule's shape. A rule a command broke is a conflict (409) when it is about the current state of things
 * (duplicates, versions, states), otherwise the command was refused (422).
 */
const EXACT: Readonly<Record<string, ErrorKind>> = {
  VALIDATION: 'badRequest',
  BAD_REQUEST: 'badRequest',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  METHOD_NOT_ALLOWED: 'methodNotAllowed',
  RATE_LIMITED: 'rateLimited',
  'AUTH.TOO_MANY_ATTEMPTS': 'rateLimited',
  PAYLOAD_TOO_LARGE: 'tooLarge',
  UNAVAILABLE: 'unavailable',
  INTERNAL: 'internal',
  'EVENTSTORE.WRONG_EXPECTED_VERSION': 'conflict',
  'IDEMPOTENCY.IN_PROGRESS': 'conflict',
  // The IETF Idempotency-Key draft: a key reused for another payload is 422, not a malformed request.
  'IDEMPOTENCY.KEY_REUSED': 'refused',
  // A calendar's shape is checked at the edge (400); what is left is a rule across fields (a weekday twice,
  // closing before opening) that no schema states: refused, 422.
  'CALENDAR.INVALID': 'refused',
  // A disabled tenant's users are refused what they ask, as a missing role is (not a rule about the request).
  'TENANCY.TENANT_DISABLED': 'forbidden',
  // The token was issued before its user's roles changed or the user was disabled: sign in again.
  'AUTH.TOKEN_REVOKED': 'unauthenticated',
  // X-On-Behalf-Of names no active user of the tenant, or the caller may not act for others.
  'ACCESS.ON_BEHALF_OF_REFUSED': 'forbidden',
  // An activation token is a credential: unknown, expired, used or superseded alike, as a wrong password is.
  'TENANCY.INVITATION_INVALID': 'unauthenticated',
  // A refresh token is a credential too: unknown, used, revoked or expired alike.
  'TENANCY.REFRESH_INVALID': 'unauthenticated',
};

/** The platform's own codes, answered by any route whatever its service (validation, access, versions, …). */
export const PLATFORM_CODES: readonly string[] = Object.keys(EXACT);

export function kindOfCode(code: string): ErrorKind {
  const exact = EXACT[code];
  if (exact) return exact;
  const rule = code.slice(code.indexOf('.') + 1);
  if (/(^|_)NOT_FOUND$/.test(rule)) return 'notFound';
  if (/^INVALID(_|$)|_INVALID$/.test(rule)) return 'badRequest';
  if (/(_EXISTS|_TAKEN|^DUPLICATE|_CONFLICT|^STALE|_VERSION_MISMATCH)/.test(rule)) return 'conflict';
  if (/^FORBIDDEN|_FORBIDDEN$|^NOT_ALLOWED/.test(rule)) return 'forbidden';
  return 'refused';
}

export function statusOfCode(code: string): Kind {
  return KINDS[kindOfCode(code)];
}

export function httpStatusOfCode(code: string): number {
  return statusOfCode(code).http;
}

export function grpcStatusOfCode(code: string): GrpcStatusCode {
  return statusOfCode(code).grpc;
}

/** An error raised at the edges (validation, auth, idempotency) that carries its code like a DomainError. */
export class ProblemError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly errors?: readonly FieldError[],
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}

/** An error with a stable code: ours, the domain's, or the event store's. */
export function codeOf(error: unknown): string | undefined {
  if (error instanceof DomainError || error instanceof ProblemError) return error.code;
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^[A-Z_]+\.[A-Z_]+$/.test(error.code)
  )
    return error.code;
  return undefined;
}

/** Turns any error into problem details. Errors without a code are internal and their message is not shown. */
export function toProblem(error: unknown): Problem {
  const code = codeOf(error) ?? 'INTERNAL';
  const kind = statusOfCode(code);
  const known = code !== 'INTERNAL' && error instanceof Error;
  const errors = error instanceof ProblemError ? error.errors : undefined;
  const extensions =
    error instanceof ProblemError ? error.extensions : error instanceof DomainError ? error.details : {};
  return {
    ...extensions,
    type: `https://serviceops.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: kind.title,
    status: kind.http,
    detail: known ? error.message : 'An unexpected error occurred; it has been logged.',
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** gRPC errors carry the problem as JSON in their details so the gateway can answer with the same one. */
export function problemFromGrpcDetails(details: string): Problem | undefined {
  try {
    const parsed = JSON.parse(details) as unknown;
    if (parsed && typeof parsed === 'object' && 'code' in parsed && 'status' in parsed)
      return parsed as Problem;
  } catch {
    // not ours
  }
  return undefined;
}
