import type { BusinessCalendar } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { addKnownBranch, keepCalendar } from '../infrastructure/tenant-facts.repository';

export const KNOWN_BRANCHES_CONSUMER = 'customers-known-branches';
export const TENANT_CALENDARS_CONSUMER = 'customers-tenant-calendars';

/** Tenancy's `BranchAdded` → the tenant's known branches. */
export async function knownBranchesProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  if (event.type !== 'BranchAdded' || !event.metadata.tenantId) return;
  const { branchId } = event.data as { branchId: string };
  await addKnownBranch(tx, event.metadata.tenantId, branchId);
}

/**
 * Tenancy's `TenantCreated` / `BusinessCalendarSet` → the tenant's calendar; `onTenant` runs in the same
 * transaction when a tenant first appears (its daily care timer is scheduled there).
 */
export function tenantCalendarsProjection(
  onTenant: (tx: PoolClient, tenantId: string, calendar: BusinessCalendar) => Promise<void>,
) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    if (event.type !== 'TenantCreated' && event.type !== 'BusinessCalendarSet') return;
    const { calendar } = event.data as { calendar: BusinessCalendar };
    if (await keepCalendar(tx, tenantId, calendar)) await onTenant(tx, tenantId, calendar);
  };
}
