import { type Decider, streamId } from '@serviceops/kernel';
import type { TenantCommand } from './tenant.commands';
import { decideTenant, type TenantContext } from './tenant.decide';
import type { TenantEvent } from './tenant.events';
import { evolveTenant } from './tenant.evolve';
import { initialTenantState, type TenantState } from './tenant.state';

export type { TenantContext } from './tenant.decide';

export const tenantDecider: Decider<TenantCommand, TenantEvent, TenantState, TenantContext> = {
  initialState: initialTenantState,
  decide: decideTenant,
  evolve: evolveTenant,
};

/** One stream per tenant: 'tenant-<tenantId>-<tenantId>' (stream ids always lead with their tenant). */
export function tenantStreamId(tenantId: string): string {
  return streamId('tenant', tenantId, tenantId);
}
