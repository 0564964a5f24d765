import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError } from '@serviceops/platform';
import { headerOf, isOperationsPath } from '../http/http.types';
import type { AccessRequest } from './access-request';
import { AccessTokens } from './access-tokens';
import { UserGate } from './user-gate';
import { callContextOfRequest } from './caller';
import { ACCESS_METADATA } from './access.decorators';
import { ANY_ROLE, PUBLIC, allows, type Access } from './access.table';

/**
 * Authentication and roles for every route. A route is closed unless it declares its rule (`@Public()`,
 * `@AnyRole()`, `@Roles(...)`, `@AccessOf(rpc)`); only the OperationsModule's routes are open without one.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly users: UserGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === undefined) {
      if (isOperationsPath(req.path)) return true;
      throw new ProblemError('FORBIDDEN', 'this route declares no access rule');
    }
    if (access === PUBLIC) return true;
    const claims = await this.tokens.verify(headerOf(req, 'authorization'));
    req.claims = claims;
    // The caller's headers (X-On-Behalf-Of, X-Purpose) are checked here, before anything answers: a replayed
    // idempotent answer must not let a malformed one through either.
    const caller = callContextOfRequest(req);
    // A token issued before its user's roles were cut, or the user disabled, is refused at once (401).
    await this.users.assertCurrent(claims, caller);
    if (access !== ANY_ROLE && !allows(access, claims.roles)) throw forbidden(access);
    await this.users.assertMayActFor(caller);
    return true;
  }
}

export function forbidden(access: Exclude<Access, typeof PUBLIC | typeof ANY_ROLE>): ProblemError {
  return new ProblemError('FORBIDDEN', `this needs one of the roles: ${access.join(', ')}`, undefined, {
    requiredRoles: access,
  });
}
