import { type Command, type Event, useCase } from '@serviceops/kernel';
import { PLATFORM_TENANT_ID } from '../roles';
import { existing, onTenant, platformTenant } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type DisableTenant = Command<'DisableTenant', { tenantId: string }>;

/** A platform operator disabled the tenant: its users cannot log in, its tokens are refused. */
export type TenantDisabled = Event<'TenantDisabled', { disabledAt: string }>;

export const disableTenant = useCase<DisableTenant, TenantDisabled, TenantState, TenantContext>({
  command: 'DisableTenant',
  // The platform operator's, on the tenant the request names (application/provisioning.handlers.ts).
  handles: {
    rpc: 'tenancy.DisableTenant',
    command: (request: { tenantId: string }) => ({
      type: 'DisableTenant',
      data: { tenantId: request.tenantId },
    }),
  },
  decide(command, state, context) {
    const tenant = existing(state, command.data.tenantId);
    if (tenant.tenantId === PLATFORM_TENANT_ID) throw platformTenant(tenant.tenantId);
    if (tenant.disabledAt !== undefined) return [];
    return [{ type: 'TenantDisabled', data: { disabledAt: context.now.toISOString() } }];
  },
  evolve: {
    TenantDisabled: onTenant((tenant, event) => ({ ...tenant, disabledAt: event.data.disabledAt })),
  },
});
