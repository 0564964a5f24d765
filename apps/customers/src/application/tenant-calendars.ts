import { Inject, Injectable } from '@nestjs/common';
import { defaultBusinessCalendar, type BusinessCalendar } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { EventSourcingRuntime } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { RUNTIME } from './customer-store';

export const TENANT_CALENDARS_CONSUMER = 'customers-tenant-calendars';

/** Each tenant's business calendar, as tenancy's events told us (reply deadlines are counted in it). */
@Injectable()
export class TenantCalendars {
  constructor(@Inject(RUNTIME) private readonly runtime: EventSourcingRuntime) {}

  async of(tenantId: string): Promise<BusinessCalendar> {
    const { rows } = await this.runtime.store.pool.query<{ calendar: BusinessCalendar }>(
      'SELECT calendar FROM customers.known_calendars WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.calendar ?? defaultBusinessCalendar;
  }

  async tenants(): Promise<string[]> {
    const { rows } = await this.runtime.store.pool.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM customers.known_calendars',
    );
    return rows.map((r) => r.tenant_id);
  }
}

/**
 * Keeps the local copy of tenants' calendars; `onTenant` runs in the same transaction when a tenant first
 * appears (its daily care timer is scheduled there).
 */
export function tenantCalendarsProjection(
  onTenant: (tx: PoolClient, tenantId: string, calendar: BusinessCalendar) => Promise<void>,
) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    if (event.type !== 'TenantCreated' && event.type !== 'BusinessCalendarSet') return;
    const { calendar } = event.data as { calendar: BusinessCalendar };
    const { rows } = await tx.query<{ inserted: boolean }>(
      `INSERT INTO customers.known_calendars (tenant_id, calendar) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET calendar = EXCLUDED.calendar RETURNING (xmax = 0) AS inserted`,
      [tenantId, JSON.stringify(calendar)],
    );
    if (rows[0]?.inserted) await onTenant(tx, tenantId, calendar);
  };
}
