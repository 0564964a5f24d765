import { Injectable } from '@nestjs/common';
import { defaultBusinessCalendar, type BusinessCalendar } from '@serviceops/kernel';
import { Pool, type PoolClient } from 'pg';

/**
 * What customers keeps of tenancy's events, read and written here only: each tenant's branches (a local copy:
 * no call to tenancy on the hot path) and business calendar (reply deadlines and care days are counted in it).
 */
@Injectable()
export class TenantFacts {
  constructor(private readonly pool: Pool) {}

  async branchesOf(tenantId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ branch_id: string }>(
      'SELECT branch_id FROM customers.known_branches WHERE tenant_id = $1',
      [tenantId],
    );
    return rows.map((r) => r.branch_id);
  }

  async calendarOf(tenantId: string): Promise<BusinessCalendar> {
    const { rows } = await this.pool.query<{ calendar: BusinessCalendar }>(
      'SELECT calendar FROM customers.known_calendars WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.calendar ?? defaultBusinessCalendar;
  }

  /** Tenants whose calendar is known but which have no pending timer of `kind` (to schedule one on start). */
  async tenantsWithoutPending(kind: string): Promise<{ tenantId: string; timeZone: string }[]> {
    const { rows } = await this.pool.query<{ tenant_id: string; time_zone: string }>(
      `SELECT c.tenant_id, c.calendar->>'timeZone' AS time_zone FROM customers.known_calendars c
       WHERE NOT EXISTS (SELECT 1 FROM customers.timers t
                         WHERE t.kind = $1 AND t.tenant_id = c.tenant_id AND t.fired_at IS NULL)`,
      [kind],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, timeZone: r.time_zone }));
  }
}

/** Records a branch of a tenant (idempotent: a redelivered event changes nothing). */
export async function addKnownBranch(tx: PoolClient, tenantId: string, branchId: string): Promise<void> {
  await tx.query(
    'INSERT INTO customers.known_branches (branch_id, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [branchId, tenantId],
  );
}

/** Keeps a tenant's calendar; true when the tenant was not known before. */
export async function keepCalendar(
  tx: PoolClient,
  tenantId: string,
  calendar: BusinessCalendar,
): Promise<boolean> {
  const { rows } = await tx.query<{ inserted: boolean }>(
    `INSERT INTO customers.known_calendars (tenant_id, calendar) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET calendar = EXCLUDED.calendar RETURNING (xmax = 0) AS inserted`,
    [tenantId, JSON.stringify(calendar)],
  );
  return rows[0]?.inserted === true;
}
