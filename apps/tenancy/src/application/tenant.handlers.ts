import { Injectable } from '@nestjs/common';
import { Handles, handlesUseCases, type CallContext } from '@serviceops/platform';
import { TENANT_USE_CASES, type TenantCommand } from '../domain/tenant/tenant.decider';
import { onCallersTenant, TenantStream, type TenantResult } from './tenant-stream';
import { UserNames } from './user-names';
import { userMessage } from './users.handlers';

/** The answer `Tenant`: the tenant as its own users see it. */
function tenantMessage({ tenant, version }: TenantResult) {
  return {
    id: tenant.tenantId,
    name: tenant.name,
    version,
    branches: Object.entries(tenant.branches).map(([id, b]) => ({
      id,
      name: b.name,
      businessLines: b.businessLines,
    })),
    businessLines: tenant.businessLines,
    calendar: tenant.calendar,
    disabled: tenant.disabledAt !== undefined,
  };
}

/**
 * The caller's own tenant: its branches, business lines, business calendar, and the generic handler of the tenant's
 * use cases with `handles` (in their files under domain/tenant/), bound at the end of this file. A command that does
 * more is bound to its use case (`@HandlesUseCase`) in a handler class of its own: registering a user or setting a
 * password (a hash), an invitation (its secret), a link (a read model) and the operator's.
 */
@Injectable()
export class TenantHandlers {
  constructor(
    private readonly stream: TenantStream,
    private readonly names: UserNames,
  ) {}

  @Handles('tenancy.GetTenant')
  async getTenant(_request: object, call: CallContext) {
    return tenantMessage(await this.stream.read(call.tenantId));
  }

  /**
   * A use case that is the whole of its declared method, on the caller's tenant (`onCallersTenant`). A command on
   * one of its users answers that user (`User`), any other the tenant.
   */
  async act(call: CallContext, expectedVersion: number | undefined, command: TenantCommand) {
    const result = await this.stream.execute(call, onCallersTenant(command, call), { expectedVersion });
    if (!('userId' in command.data)) return tenantMessage(result);
    const { userId } = command.data;
    return userMessage(result, userId, await this.names.shown(result.tenant.users, [userId]));
  }
}

// Every other use case with `handles` (AddBranch, ChangeUserRoles, …): request → command → `act`.
// Those bound to a method of their own (`@HandlesUseCase`) in the tenant's other handler classes are left to it.
handlesUseCases(TenantHandlers, TENANT_USE_CASES, function (command, request, call) {
  return this.act(call, request.expectedVersion, command as TenantCommand);
});
