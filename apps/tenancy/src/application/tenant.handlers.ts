import { Injectable } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import { Handles, handlesUseCases, type CallContext } from '@serviceops/platform';
import type { BusinessLine } from '../domain/business-lines';
import { TENANT_USE_CASES, type TenantCommand } from '../domain/tenant/tenant.decider';
import { TenantStream, type TenantResult } from './tenant-stream';
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
 * more keeps a method of its own: adding a branch here (a new id); registering a user or setting a password (a
 * hash), an invitation (its secret), a link (a read model) and the operator's in their own handler classes.
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

  @Handles('tenancy.AddBranch')
  async addBranch(
    request: { expectedVersion?: number; name: string; businessLines?: BusinessLine[] },
    call: CallContext,
  ) {
    const { tenantId } = call;
    const data = {
      tenantId,
      branchId: newId(),
      name: request.name,
      businessLines: request.businessLines ?? [],
    };
    const { expectedVersion } = request;
    return tenantMessage(await this.stream.execute(call, { type: 'AddBranch', data }, { expectedVersion }));
  }

  /**
   * A use case that is the whole of its declared method, on the caller's tenant (a request never names one: the
   * mapping leaves CALLERS_TENANT, replaced here). A command on one of its users answers that user (`User`), any
   * other the tenant.
   */
  async act(call: CallContext, expectedVersion: number | undefined, command: TenantCommand) {
    const onCallersTenant = {
      ...command,
      data: { ...command.data, tenantId: call.tenantId },
    } as TenantCommand;
    const result = await this.stream.execute(call, onCallersTenant, { expectedVersion });
    if (!('userId' in command.data)) return tenantMessage(result);
    const { userId } = command.data;
    return userMessage(result, userId, await this.names.shown(result.tenant.users, [userId]));
  }
}

// Every use case with `handles` (EnableBusinessLine, ChangeUserRoles, …): request → command → `act`.
handlesUseCases(TenantHandlers, TENANT_USE_CASES, function (command, request, call) {
  return this.act(call, request.expectedVersion, command as TenantCommand);
});
