import { type Command, type Event, useCase } from '@serviceops/kernel';
import { PLATFORM_TENANT_ID } from '../roles';
import { existing, onTenant, platformTenant } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type EnableTenant = Command<'EnableTenant', { tenantId: string }>;

export type TenantEnabled = Event<'TenantEnabled', { enabledAt: string }>;

export const enableTenant = useCase<EnableTenant, TenantEnabled, TenantState, TenantContext>({
  command: 'EnableTenant',
  // The platform operator's, on the tenant the request names (application/provisioning.handlers.ts).
  handles: {
    rpc: 'tenancy.EnableTenant',
    command: (request: { tenantId: string }) => ({
      type: 'EnableTenant',
      data: { tenantId: request.tenantId },
    }),
  },
  decide(command, state, context) {
    const tenant = existing(state, command.data.tenantId);
    if (tenant.tenantId === PLATFORM_TENANT_ID) throw platformTenant(tenant.tenantId);
    if (tenant.disabledAt === undefined) return [];
    return [{ type: 'TenantEnabled', data: { enabledAt: context.now.toISOString() } }];
  },
  evolve: {
    TenantEnabled: onTenant(({ disabledAt: _, ...enabled }) => enabled),
  },
});
