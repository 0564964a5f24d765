import { Metadata, status as grpcStatus } from '@grpc/grpc-js';
import { Catch, type ArgumentsHost, type ExceptionFilter, Logger } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { CallContext } from './command';
import { INTERNAL_TOKEN_METADATA, type InternalUser } from '@serviceops/contracts';
import type { InternalCaller, InternalTokenVerifier } from './internal-token';
import {
  ProblemError,
  codeOf,
  grpcStatusOfCode,
  problemFromGrpcDetails,
  toProblem,
  type Problem,
} from './errors';

/**
 * gRPC metadata of a call from the gateway to a service. Who calls travels only in the internal token the gateway
 * signs (internal-token.ts); the correlation id and idempotency key are plain: they name the request, not a right.
 */
export const CallHeaders = {
  internalToken: INTERNAL_TOKEN_METADATA,
  correlation: 'x-correlation-id',
  clientCorrelation: 'x-client-correlation-id',
  idempotencyKey: 'idempotency-key',
} as const;

/** The metadata of one call to a service: the token signed for it, and the request's ids when there is a user. */
export function internalCallMetadata(
  token: string,
  call?: Pick<CallContext, 'correlationId' | 'clientCorrelationId' | 'idempotencyKey'>,
): Metadata {
  const md = new Metadata();
  md.set(CallHeaders.internalToken, token);
  if (call) md.set(CallHeaders.correlation, call.correlationId);
  if (call?.clientCorrelationId) md.set(CallHeaders.clientCorrelation, call.clientCorrelationId);
  if (call?.idempotencyKey) md.set(CallHeaders.idempotencyKey, call.idempotencyKey);
  return md;
}

/** What a user's call context puts in an internal token (the rest stays plain metadata). */
export function internalUserOf(call: CallContext): InternalUser {
  return {
    tenantId: call.tenantId,
    actorId: call.actorId,
    roles: call.roles,
    ...(call.onBehalfOf ? { onBehalfOf: call.onBehalfOf } : {}),
    ...(call.purpose ? { purpose: call.purpose } : {}),
  };
}

let installed: InternalTokenVerifier | undefined;
/** Each call's metadata once verified (the guard verifies, handlers read): verified once per call. */
const verifiedCalls = new WeakMap<Metadata, InternalCaller>();

/** Installed once at a service's start (runService): the keys it trusts and its own name (the audience). */
export function installCallVerifier(verifier: InternalTokenVerifier | undefined): void {
  installed = verifier;
}

/** Who makes this call, from its internal token only; UNAUTHENTICATED when the token is missing or not valid. */
export function callerOf(md: Metadata, verifier = installed): InternalCaller {
  const known = verifiedCalls.get(md);
  if (known) return known;
  // Fail closed: a service that was not given the gateway's keys trusts nobody.
  if (!verifier) throw new Error('no internal token verifier is installed (runService installs it)');
  const token = md.get(CallHeaders.internalToken)[0];
  const caller = verifier.verify(typeof token === 'string' ? token : undefined);
  verifiedCalls.set(md, caller);
  return caller;
}

/**
 * The identity a service trusts: tenant, actor, roles, on-behalf-of and purpose from the token the gateway signed
 * for this service (never from plain metadata, which anyone who reaches the port can write), the correlation id
 * and idempotency key from the metadata.
 */
export function callContextOf(md: Metadata): CallContext {
  const { user } = callerOf(md);
  if (!user) throw new ProblemError('UNAUTHENTICATED', 'the call carries no user');
  const get = (key: string): string | undefined => {
    const value = md.get(key)[0];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const idempotencyKey = get(CallHeaders.idempotencyKey);
  const clientCorrelationId = get(CallHeaders.clientCorrelation);
  return {
    tenantId: user.tenantId,
    actorId: user.actorId,
    roles: user.roles,
    correlationId: get(CallHeaders.correlation) ?? user.actorId,
    ...(clientCorrelationId ? { clientCorrelationId } : {}),
    ...(user.onBehalfOf ? { onBehalfOf: user.onBehalfOf } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(user.purpose ? { purpose: user.purpose } : {}),
  };
}

export interface GrpcError {
  readonly code: number;
  readonly message: string;
  readonly details: string;
}

/** Any error leaving a gRPC handler: its status from the one mapping, the problem as JSON in the details. */
export function toGrpcError(error: unknown): GrpcError {
  const problem = toProblem(error);
  const details = JSON.stringify(problem);
  return { code: grpcStatusOfCode(problem.code), message: details, details };
}

/** The problem a failed gRPC call carried, or a 503 when the service could not be reached. */
export function problemOfGrpcError(error: unknown): Problem {
  if (error && typeof error === 'object' && 'details' in error && typeof error.details === 'string') {
    const problem = problemFromGrpcDetails(error.details);
    if (problem) return problem;
    if (
      'code' in error &&
      (error.code === grpcStatus.UNAVAILABLE || error.code === grpcStatus.DEADLINE_EXCEEDED)
    )
      return toProblem(
        new ProblemError('UNAVAILABLE', 'a backing service is unavailable; try again shortly'),
      );
  }
  return toProblem(error);
}

/** Nest exception filter for gRPC controllers. */
@Catch()
export class GrpcProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('grpc');
  catch(error: unknown, _host: ArgumentsHost): Observable<never> {
    if (!codeOf(error))
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return throwError(() => toGrpcError(error));
  }
}
