import { Injectable } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import { Handles, HandlesUseCase, optional, ProblemError, type CallContext } from '@serviceops/platform';
import { PLATFORM_OPERATOR } from '../domain/roles';
import { disableTenant, type DisableTenant } from '../domain/tenant/disable-tenant';
import { enableTenant, type EnableTenant } from '../domain/tenant/enable-tenant';
import { provisionTenant, type ProvisionTenant } from '../domain/tenant/provision-tenant';
import { hashPassword } from '../infrastructure/passwords';
import { TenantsRepository, type TenantStatus } from '../infrastructure/tenants.repository';
import { TenantStream } from './tenant-stream';
import { newPassword } from './users.handlers';

/**
 * The gateway lets only platform operators call these; the service checks again, since these commands act on a
 * tenant other than the caller's.
 */
function assertOperator(call: CallContext): void {
  if (!call.roles.includes(PLATFORM_OPERATOR))
    throw new ProblemError('FORBIDDEN', `this needs the role ${PLATFORM_OPERATOR}`, undefined, {
      requiredRoles: [PLATFORM_OPERATOR],
    });
}

/** The operator acts on the target tenant: its events carry that tenant, and the operator as actor. */
function onTenant(call: CallContext, tenantId: string): CallContext {
  return { ...call, tenantId };
}

/** The platform operator's: tenants provisioned, listed, disabled and enabled again. */
@Injectable()
export class ProvisioningHandlers {
  constructor(
    private readonly stream: TenantStream,
    private readonly tenants: TenantsRepository,
  ) {}

  /**
   * A new tenant with its first admin, in one append. The admin's password is the request's (only its hash is
   * kept); the admin's user id is made here, as the mapping's one fresh id is the tenant's.
   */
  @HandlesUseCase(provisionTenant)
  async createTenant(
    command: ProvisionTenant,
    request: { admin?: { password?: string } },
    call: CallContext,
  ) {
    const password = newPassword(request.admin?.password, 'admin.password');
    assertOperator(call);
    const { tenantId } = command.data;
    const adminUserId = newId();
    const data = { ...command.data, admin: { ...command.data.admin, userId: adminUserId } };
    const credential = { userId: adminUserId, passwordHash: await hashPassword(password) };
    await this.stream.execute(onTenant(call, tenantId), { ...command, data }, { credential });
    return { ...(await this.tenants.record(tenantId)), adminUserId };
  }

  @Handles('tenancy.ListTenants')
  listTenants(request: { limit?: number; cursor?: string; status?: string }, call: CallContext) {
    assertOperator(call);
    const status: TenantStatus | undefined =
      request.status === 'active' || request.status === 'disabled' ? request.status : undefined;
    return this.tenants.list({
      limit: request.limit ?? 50,
      ...optional('cursor', request.cursor),
      ...optional('status', status),
    });
  }

  @Handles('tenancy.GetTenantById')
  getTenantById(request: { tenantId: string }, call: CallContext) {
    assertOperator(call);
    return this.tenants.record(request.tenantId);
  }

  @HandlesUseCase(disableTenant)
  disableTenant(command: DisableTenant, request: { expectedVersion?: number }, call: CallContext) {
    return this.changeStatus(command, request, call);
  }

  @HandlesUseCase(enableTenant)
  enableTenant(command: EnableTenant, request: { expectedVersion?: number }, call: CallContext) {
    return this.changeStatus(command, request, call);
  }

  private async changeStatus(
    command: DisableTenant | EnableTenant,
    { expectedVersion }: { expectedVersion?: number },
    call: CallContext,
  ) {
    assertOperator(call);
    const { tenantId } = command.data;
    // The platform's own tenant is not one an operator manages: not found, as for the list and reads.
    await this.tenants.record(tenantId);
    await this.stream.execute(onTenant(call, tenantId), command, { expectedVersion });
    return this.tenants.record(tenantId);
  }
}
