import { randomUUID } from 'node:crypto';
import { withTransaction } from '@serviceops/eventstore';
import type { Clock } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { ServiceDefinition } from '@serviceops/platform';
import { bootOnOwnDatabase, type BootedService } from '@serviceops/platform/testing';
import { Pool, type PoolClient } from 'pg';
import { eligibilityProjection } from '../src/projections/facts.projection';

// What the orders integration specs share: the service booted on a database of its own with a pool on its
// schema, other services' events fed to a projection as if delivered, and a call's outcome as its problem code.

export interface OrdersOnOwnDatabase {
  readonly booted: BootedService;
  /** A pool on the service's database, `orders` first on the search path. */
  readonly pool: Pool;
  stop(): Promise<void>;
}

/** Boots `definition` (timers polled every 50 ms) on a fresh database; `stop` ends it and drops the database. */
export async function ordersOnOwnDatabase(
  name: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the orders definition, built per test clock
  definition: ServiceDefinition<any>,
): Promise<OrdersOnOwnDatabase> {
  const booted = await bootOnOwnDatabase(name, definition, { TIMER_POLL_MS: '50' });
  const pool = new Pool({
    connectionString: booted.databaseUrl,
    max: 4,
    options: '-c search_path=orders,public',
  });
  return {
    booted,
    pool,
    stop: async () => {
      await pool.end();
      await booted.stop();
    },
  };
}

/** Events of other services as a consumer receives them, for `tenantId` (or another), at increasing positions. */
export function recordedEvents(tenantId: string, pool: () => Pool) {
  let position = 0n;
  const delivered = (type: string, data: object, tenant = tenantId): DeliveredEvent => {
    position += 1n;
    return {
      type,
      data,
      metadata: { tenantId: tenant },
      eventId: randomUUID(),
      streamId: `recorded-${type}`,
      streamVersion: Number(position),
      globalPosition: position,
      recordedAt: new Date(),
      topic: 'recorded',
    } as unknown as DeliveredEvent;
  };
  const feed = (projection: (e: DeliveredEvent, tx: PoolClient) => Promise<void>, e: DeliveredEvent) =>
    withTransaction(pool(), (tx) => projection(e, tx));
  /** Staff's StaffEligibilityChanged (StaffEligibilityChangedV1): the person eligible since January. */
  const eligible = (staffId: string) =>
    feed(
      eligibilityProjection,
      delivered('StaffEligibilityChanged', {
        staffId,
        eligible: true,
        reasons: [],
        since: '2026-01-01T00:00:00.000Z',
      }),
    );
  return { delivered, feed, eligible };
}

/** The day after the clock's (UTC), and a 50-minute slot starting at `hour` on it. */
export function tomorrowOf(clock: Clock) {
  const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  const slotAt = (hour: number) => ({
    start: `${tomorrow}T${String(hour).padStart(2, '0')}:00:00.000Z`,
    end: `${tomorrow}T${String(hour).padStart(2, '0')}:50:00.000Z`,
  });
  return { tomorrow, slotAt };
}

/**
 * Customers as orders knows them from customers' CustomerRegistered (orders refuses an order for a customer it does
 * not know): rows of the read model its consumer keeps.
 */
export async function knownCustomers(pool: Pool, tenantId: string, ...customerIds: string[]): Promise<void> {
  await pool.query(
    `INSERT INTO orders.known_customers (customer_id, tenant_id, status)
     SELECT unnest($1::uuid[]), $2, 'active' ON CONFLICT (customer_id) DO NOTHING`,
    [customerIds, tenantId],
  );
}

/** `'ok'`, or the problem code (else the message) a call failed with. */
export const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: Error & { code?: string }) => e.code ?? e.message,
  );
