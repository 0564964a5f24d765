import { Injectable } from '@nestjs/common';
import { defaultBusinessCalendar, newId } from '@serviceops/kernel';
import { Handles, optional, ProblemError, type CallContext } from '@serviceops/platform';
import { PLATFORM_OPERATOR } from '../domain/roles';
import { hashPassword } from '../infrastructure/passwords';
import { TenantsRepository, type TenantStatus } from '../infrastructure/tenants.repository';
import { TenantStream } from './tenant-stream';
import { newPassword } from './users.handlers';

/** The first admin's display name when the operator gives none. */
const DEFAULT_ADMIN_DISPLAY_NAME = 'Administrator';

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

  /** A new tenant with its first admin, in one append. */
  @Handles('tenancy.CreateTenant')
  async createTenant(
    request: {
      name?: string;
      timeZone?: string;
      admin?: { username?: string; password?: string; displayName?: string };
    },
    call: CallContext,
  ) {
    const admin = request.admin ?? {};
    const password = newPassword(admin.password, 'admin.password');
    assertOperator(call);
    const tenantId = newId();
    const adminUserId = newId();
    const data = {
      tenantId,
      name: request.name ?? '',
      ...(request.timeZone ? { calendar: { ...defaultBusinessCalendar, timeZone: request.timeZone } } : {}),
      admin: {
        userId: adminUserId,
        username: admin.username ?? '',
        displayName: admin.displayName || DEFAULT_ADMIN_DISPLAY_NAME,
      },
    };
    const credential = { userId: adminUserId, passwordHash: await hashPassword(password) };
    await this.stream.execute(onTenant(call, tenantId), { type: 'ProvisionTenant', data }, { credential });
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

  @Handles('tenancy.DisableTenant')
  disableTenant(request: { tenantId: string; expectedVersion?: number }, call: CallContext) {
    return this.changeStatus(request, call, 'disabled');
  }

  @Handles('tenancy.EnableTenant')
  enableTenant(request: { tenantId: string; expectedVersion?: number }, call: CallContext) {
    return this.changeStatus(request, call, 'active');
  }

  private async changeStatus(
    { tenantId, expectedVersion }: { tenantId: string; expectedVersion?: number },
    call: CallContext,
    status: TenantStatus,
  ) {
    assertOperator(call);
    // The platform's own tenant is not one an operator manages: not found, as for the list and reads.
    await this.tenants.record(tenantId);
    const type = status === 'disabled' ? 'DisableTenant' : 'EnableTenant';
    await this.stream.execute(onTenant(call, tenantId), { type, data: { tenantId } }, { expectedVersion });
    return this.tenants.record(tenantId);
  }
}
