import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Pool, PoolClient } from 'pg';

/** Each tenant's time zone, from tenancy's calendar events: a contract's dates are days on that calendar. */
export class TenantZones1764900000001 implements MigrationInterface {
  name = 'TenantZones1764900000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant_zones (tenant_id uuid PRIMARY KEY, time_zone text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tenant_zones`);
  }
}

/** Keeps a tenant's zone, in the consumer's transaction. */
export async function keepZone(tx: PoolClient, tenantId: string, timeZone: string): Promise<void> {
  await tx.query(
    `INSERT INTO contracts.tenant_zones (tenant_id, time_zone) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
    [tenantId, timeZone],
  );
}

/** A tenant's zone; the platform's default calendar's until tenancy's event has arrived. */
export async function zoneOf(pool: Pool, tenantId: string): Promise<string> {
  const { rows } = await pool.query<{ time_zone: string }>(
    'SELECT time_zone FROM contracts.tenant_zones WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0]?.time_zone ?? defaultBusinessCalendar.timeZone;
}
