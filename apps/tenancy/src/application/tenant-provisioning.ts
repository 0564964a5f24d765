import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defaultBusinessCalendar, newId } from '@serviceops/kernel';
import { ProblemError, type CallContext } from '@serviceops/platform';
import { PLATFORM_OPERATOR } from '../domain/roles';
import { hashPassword } from '../infrastructure/passwords';
import { TenantCommands, type TenantResult } from './tenant-commands';

/** The first admin's display name when the operator gives none. */
export const DEFAULT_ADMIN_DISPLAY_NAME = 'Administrator';

/** A platform operator's: a new tenant with its first admin. */
export class ProvisionTenantRequest {
  constructor(
    readonly call: CallContext,
    readonly tenant: {
      name: string;
      timeZone?: string;
      admin: { username: string; password: string; displayName?: string };
    },
  ) {}
}

/** A platform operator's: disable or enable a tenant; `expectedVersion` is the operator's If-Match. */
export class ChangeTenantStatusRequest {
  constructor(
    readonly call: CallContext,
    readonly tenantId: string,
    readonly status: 'disabled' | 'active',
    readonly expectedVersion?: number,
  ) {}
}

/**
 * The gateway lets only platform operators call these; the service checks again, since these commands act on a
 * tenant other than the caller's.
 */
export function assertOperator(call: CallContext): void {
  if (!call.roles.includes(PLATFORM_OPERATOR))
    throw new ProblemError('FORBIDDEN', `this needs the role ${PLATFORM_OPERATOR}`, undefined, {
      requiredRoles: [PLATFORM_OPERATOR],
    });
}

/** The operator acts on the target tenant: its events carry that tenant, and the operator as actor. */
export function onTenant(call: CallContext, tenantId: string): CallContext {
  return { ...call, tenantId };
}

@CommandHandler(ProvisionTenantRequest)
export class ProvisionTenantHandler implements ICommandHandler<
  ProvisionTenantRequest,
  TenantResult & { adminUserId: string }
> {
  constructor(private readonly commands: TenantCommands) {}

  async execute({ call, tenant }: ProvisionTenantRequest): Promise<TenantResult & { adminUserId: string }> {
    assertOperator(call);
    const tenantId = newId();
    const adminUserId = newId();
    const { password, displayName, username } = tenant.admin;
    const result = await this.commands.run(
      onTenant(call, tenantId),
      tenantId,
      {
        type: 'ProvisionTenant',
        data: {
          tenantId,
          name: tenant.name,
          ...(tenant.timeZone ? { calendar: { ...defaultBusinessCalendar, timeZone: tenant.timeZone } } : {}),
          admin: { userId: adminUserId, username, displayName: displayName ?? DEFAULT_ADMIN_DISPLAY_NAME },
        },
      },
      undefined,
      { userId: adminUserId, passwordHash: await hashPassword(password) },
    );
    return { ...result, adminUserId };
  }
}

@CommandHandler(ChangeTenantStatusRequest)
export class ChangeTenantStatusHandler implements ICommandHandler<ChangeTenantStatusRequest, TenantResult> {
  constructor(private readonly commands: TenantCommands) {}

  execute({ call, tenantId, status, expectedVersion }: ChangeTenantStatusRequest): Promise<TenantResult> {
    assertOperator(call);
    const type = status === 'disabled' ? 'DisableTenant' : 'EnableTenant';
    return this.commands.run(
      onTenant(call, tenantId),
      tenantId,
      { type, data: { tenantId } },
      expectedVersion,
    );
  }
}
