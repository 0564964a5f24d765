import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { Pool, PoolClient } from 'pg';
import { tenantZonesOf } from './tenant-zones';

const TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const event = (type: string, data: object, tenantId = TENANT) =>
  ({ type, data, metadata: tenantId ? { tenantId } : {} }) as unknown as DeliveredEvent;

/** A transaction that records what it was asked. */
function recording() {
  const queries: { sql: string; params: unknown[] }[] = [];
  const tx = {
    query: (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      return Promise.resolve({ rows: [] });
    },
  } as unknown as PoolClient;
  return { queries, tx };
}

describe('tenant zones, kept from tenancy’s calendar events', () => {
  const zones = tenantZonesOf('staff');

  it('names its consumer after the service’s schema', () => {
    expect(zones.consumer).toBe('staff-tenant-zones');
    expect(tenantZonesOf('contracts').consumer).toBe('contracts-tenant-zones');
  });

  it.each(['TenantCreated', 'BusinessCalendarSet'])(
    'keeps the zone of %s in the service’s own table',
    async (type) => {
      const { queries, tx } = recording();
      await zones.project(event(type, { calendar: { timeZone: 'Asia/Shanghai' } }), tx);
      expect(queries).toHaveLength(1);
      expect(queries[0]?.sql).toContain('"staff".tenant_zones');
      expect(queries[0]?.params).toEqual([TENANT, 'Asia/Shanghai']);
    },
  );

  it.each<[string, DeliveredEvent]>([
    ['another event', event('UserRegistered', { calendar: { timeZone: 'UTC' } })],
    ['a calendar with no zone', event('BusinessCalendarSet', { calendar: {} })],
    ['no tenant', event('BusinessCalendarSet', { calendar: { timeZone: 'UTC' } }, '')],
  ])('ignores %s', async (_why, delivered) => {
    const { queries, tx } = recording();
    await zones.project(delivered, tx);
    expect(queries).toEqual([]);
  });

  it.each<[string, { time_zone: string }[], string]>([
    ['the kept zone', [{ time_zone: 'America/New_York' }], 'America/New_York'],
    ['the default calendar’s before tenancy’s event', [], defaultBusinessCalendar.timeZone],
  ])('answers %s', async (_why, rows, zone) => {
    const pool = { query: () => Promise.resolve({ rows }) } as unknown as Pool;
    expect(await zones.zoneOf(pool, TENANT)).toBe(zone);
  });
});
