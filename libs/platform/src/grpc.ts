import { Metadata, status as grpcStatus } from '@grpc/grpc-js';
import { Catch, type ArgumentsHost, type ExceptionFilter, Logger } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { CallContext } from './command';
import {
  ProblemError,
  codeOf,
  grpcStatusOfCode,
  problemFromGrpcDetails,
  toProblem,
  type Problem,
} from './errors';

/** gRPC metadata keys that carry the caller's identity from the gateway to the services. */
export const IdentityHeaders = {
  tenant: 'x-tenant-id',
  actor: 'x-actor-id',
  roles: 'x-roles',
  onBehalfOf: 'x-on-behalf-of',
  correlation: 'x-correlation-id',
  idempotencyKey: 'idempotency-key',
  purpose: 'x-purpose',
} as const;

export function identityMetadata(call: CallContext): Metadata {
  const md = new Metadata();
  md.set(IdentityHeaders.tenant, call.tenantId);
  md.set(IdentityHeaders.actor, call.actorId);
  md.set(IdentityHeaders.roles, call.roles.join(','));
  md.set(IdentityHeaders.correlation, call.correlationId);
  if (call.onBehalfOf) md.set(IdentityHeaders.onBehalfOf, call.onBehalfOf);
  if (call.idempotencyKey) md.set(IdentityHeaders.idempotencyKey, call.idempotencyKey);
  if (call.purpose) md.set(IdentityHeaders.purpose, call.purpose);
  return md;
}

/** The identity a service trusts: it sits behind the gateway, which authenticated the caller. */
export function callContextOf(md: Metadata): CallContext {
  const get = (key: string): string | undefined => {
    const value = md.get(key)[0];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const tenantId = get(IdentityHeaders.tenant);
  const actorId = get(IdentityHeaders.actor);
  if (!tenantId || !actorId) throw new ProblemError('UNAUTHENTICATED', 'the call carries no tenant or actor');
  const onBehalfOf = get(IdentityHeaders.onBehalfOf);
  const idempotencyKey = get(IdentityHeaders.idempotencyKey);
  const purpose = get(IdentityHeaders.purpose);
  return {
    tenantId,
    actorId,
    roles: (get(IdentityHeaders.roles) ?? '').split(',').filter(Boolean),
    correlationId: get(IdentityHeaders.correlation) ?? actorId,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(purpose ? { purpose } : {}),
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
