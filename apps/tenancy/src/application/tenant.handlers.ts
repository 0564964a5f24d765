import { Injectable } from '@nestjs/common';
import { handledBy, Handles, handlesUseCases, type CallContext } from '@serviceops/platform';
import { TENANT_USE_CASES, type TenantCommand } from '../domain/tenant/tenant.decider';
import { onCallersTenant, TenantStream, type TenantResult } from './tenant-stream';
import { UserNames } from './user-names';
import { InvitationsHandlers } from './invitations.handlers';
import { ProvisioningHandlers } from './provisioning.handlers';
import { StaffLinksHandlers } from './staff-links.handlers';
import { userMessage, UsersHandlers } from './users.handlers';

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

/**
 * The use cases bound to a method of their own (`@HandlesUseCase`) in the tenant's other handler classes: left to
 * that method. (`handlesUseCases` skips those bound on its own class only; one left out here makes its declared
 * method handled twice, which the service's handler table refuses at boot.)
 */
const boundElsewhere = new Set(
  [UsersHandlers, InvitationsHandlers, StaffLinksHandlers, ProvisioningHandlers].flatMap((handlers) =>
    handledBy(handlers).map(({ rpc }) => rpc as string),
  ),
);

// Every other use case with `handles` (AddBranch, ChangeUserRoles, …): request → command → `act`.
handlesUseCases(
  TenantHandlers,
  TENANT_USE_CASES.filter(({ handles }) => !handles || !boundElsewhere.has(handles.rpc)),
  function (command, request, call) {
    return this.act(call, request.expectedVersion, command as TenantCommand);
  },
);
