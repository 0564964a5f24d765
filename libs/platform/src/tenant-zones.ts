import { defaultBusinessCalendar, type BusinessCalendar } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { Pool, PoolClient } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each tenant's time zone, kept by a service from tenancy's calendar events (`TenantCreated`,
 * `BusinessCalendarSet`), for what it counts in the tenant's days: a contract's dates, an assessment's months.
 * The table sits in the service's own schema (its read-model migrations run there); each service that needs
 * zones lists this migration and subscribes `tenantZonesOf(schema).project` to tenancy's topic.
 */
export class TenantZones1764900000001 implements MigrationInterface {
  name = 'TenantZones1764900000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant_zones (tenant_id uuid PRIMARY KEY, time_zone text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tenant_zones`);
  }
}

export interface TenantZones {
  /** The consumer's name (`<schema>-tenant-zones`). */
  readonly consumer: string;
  /** Tenancy's calendar events → the tenant's zone, in the consumer's transaction (a redelivery sets it again). */
  readonly project: (event: DeliveredEvent, tx: PoolClient) => Promise<void>;
  /** A tenant's zone; the platform's default calendar's until tenancy's event has arrived. */
  readonly zoneOf: (pool: Pool, tenantId: string) => Promise<string>;
}

/** The tenant zones of the service whose schema is `schema`. */
export function tenantZonesOf(schema: string): TenantZones {
  const table = `"${schema}".tenant_zones`;
  return {
    consumer: `${schema}-tenant-zones`,
    project: async (event, tx) => {
      const tenantId = event.metadata.tenantId;
      if (!tenantId || (event.type !== 'TenantCreated' && event.type !== 'BusinessCalendarSet')) return;
      const { calendar } = event.data as { calendar?: Partial<BusinessCalendar> };
      if (typeof calendar?.timeZone !== 'string') return;
      await tx.query(
        `INSERT INTO ${table} (tenant_id, time_zone) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
        [tenantId, calendar.timeZone],
      );
    },
    zoneOf: async (pool, tenantId) => {
      const { rows } = await pool.query<{ time_zone: string }>(
        `SELECT time_zone FROM ${table} WHERE tenant_id = $1`,
        [tenantId],
      );
      return rows[0]?.time_zone ?? defaultBusinessCalendar.timeZone;
    },
  };
}
