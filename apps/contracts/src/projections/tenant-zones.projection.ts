import type { BusinessCalendar } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { keepZone } from '../infrastructure/tenant-zones.repository';

export const TENANT_ZONES_CONSUMER = 'contracts-tenant-zones';

/** Tenancy's `TenantCreated` / `BusinessCalendarSet` → the tenant's time zone (contract dates are its days). */
export async function tenantZonesProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || (event.type !== 'TenantCreated' && event.type !== 'BusinessCalendarSet')) return;
  const { calendar } = event.data as { calendar?: Partial<BusinessCalendar> };
  if (typeof calendar?.timeZone === 'string') await keepZone(tx, tenantId, calendar.timeZone);
}
