import type { Metadata } from '@grpc/grpc-js';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { API, PUBLIC, type Declaration } from '@serviceops/contracts';
import { ProblemError } from './errors';
import { callerOf } from './grpc';
import type { InternalTokenVerifier } from './internal-token';

/**
 * The methods of a service that need no user (`access: PUBLIC` in libs/contracts/src/api): the only ones for which
 * it accepts the gateway's token without a user in it. A service without declarations has none.
 */
export function userlessMethodsOf(service: string): ReadonlySet<string> {
  const api = Object.hasOwn(API, service)
    ? (API[service as keyof typeof API] as Readonly<Record<string, Declaration>>)
    : {};
  return new Set(
    Object.entries(api)
      .filter(([, declaration]) => declaration.access === PUBLIC)
      .map(([method]) => method),
  );
}

/** A call without a user to a method that needs one: refused alike over gRPC and in one process. */
export function userNeeded(method: string): ProblemError {
  return new ProblemError('UNAUTHENTICATED', `${method || 'this method'} needs a user`);
}

/** `/serviceops.tenancy.v1.Tenancy/Authenticate` → `Authenticate`. */
export function methodOfPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Every gRPC call a service takes is checked before its handler runs, whether the handler asks who calls or not:
 * it must carry a valid internal token for this service, naming a user unless the method needs none.
 * Installed once for the whole service by runService; HTTP (health, metrics) is not its concern.
 */
@Injectable()
export class InternalCallGuard implements CanActivate {
  constructor(
    private readonly userless: ReadonlySet<string>,
    /** This service's verifier (its name the audience): several services may share a process. */
    private readonly verifier?: InternalTokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const caller = callerOf(context.switchToRpc().getContext<Metadata>(), this.verifier);
    if (caller.user) return true;
    const call = context.getArgByIndex<{ getPath?: () => string } | undefined>(2);
    const method = methodOfPath(call?.getPath?.() ?? '');
    if (this.userless.has(method)) return true;
    throw userNeeded(method);
  }
}
