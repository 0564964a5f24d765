import { type Command, type Event, useCase } from '@serviceops/kernel';
import { enabledTenant, onTenant, validName } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type RenameTenant = Command<'RenameTenant', { tenantId: string; name: string }>;

export type TenantRenamed = Event<'TenantRenamed', { name: string }>;

export const renameTenant = useCase<RenameTenant, TenantRenamed, TenantState, TenantContext>({
  command: 'RenameTenant',
  decide(command, state) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const name = validName(command.data.name, 'name');
    return name === tenant.name ? [] : [{ type: 'TenantRenamed', data: { name } }];
  },
  evolve: {
    TenantRenamed: onTenant((tenant, event) => ({ ...tenant, name: event.data.name })),
  },
});
