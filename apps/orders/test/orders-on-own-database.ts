import { randomUUID } from 'node:crypto';
import type { ContractEntitlementsPublishedV1 } from '@serviceops/contracts';
import { withTransaction } from '@serviceops/eventstore';
import { type Clock, FixedClock } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { type CallContext, type RunningService } from '@serviceops/platform';
import { bootOnOwnDatabase, type BootedService } from '@serviceops/platform/testing';
import { Pool, type PoolClient } from 'pg';
import { ordersServiceOn } from '../src/orders.service-definition';
import {
  calendarsProjection,
  eligibilityProjection,
  entitlementsProjection,
} from '../src/projections/facts.projection';

// What the orders integration specs share: the service on a fixed clock booted on a database of its own (and
// booted again on it, as after a restart, with replicas polling the same timers), a pool on its schema, a tenant
// and its administrator, other services' events fed to a projection as if delivered, and a call's outcome as its
// problem code.

export interface OrdersOnOwnDatabase {
  readonly booted: BootedService;
  /** A pool on the service's database, `orders` first on the search path. */
  readonly pool: Pool;
  /** The instance running now (after `restart`, the new one). */
  readonly running: () => RunningService;
  /**
   * The service goes down (replicas first); `whileDown` runs (the clock moves, a timer falls due); another
   * instance starts on the database, and `replicas` more beside it (polling the same timers) until the next
   * `restart` or `stop`.
   */
  readonly restart: (whileDown?: () => Promise<unknown>, replicas?: number) => Promise<RunningService>;
  stop(): Promise<void>;
}

/** Boots the orders service on `clock` (timers polled every 50 ms) on a fresh database; `stop` drops it. */
export async function ordersOnOwnDatabase(
  name: string,
  clock: Clock,
  random?: () => number,
): Promise<OrdersOnOwnDatabase> {
  const booted = await bootOnOwnDatabase(name, ordersServiceOn(clock, random), { TIMER_POLL_MS: '50' });
  const pool = new Pool({
    connectionString: booted.databaseUrl,
    max: 4,
    options: '-c search_path=orders,public',
  });
  let current = booted.running;
  let beside: RunningService[] = [];
  const down = async () => {
    for (const replica of beside) await replica.stop();
    beside = [];
    await current.stop();
  };
  return {
    booted,
    pool,
    running: () => current,
    restart: async (whileDown, replicas = 0) => {
      await down();
      await whileDown?.();
      current = await booted.again();
      for (let i = 0; i < replicas; i += 1) beside.push(await booted.again());
      return current;
    },
    stop: async () => {
      await down();
      await pool.end();
      await booted.stop();
    },
  };
}

/** What an orders spec works with: its clock, tenant and administrator, and the service booted for it. */
export interface OrdersSpec {
  /** The service's clock, fixed at the spec's start; the spec moves it. */
  readonly clock: FixedClock;
  readonly tenantId: string;
  /** An administrator of `tenantId`. */
  readonly call: CallContext;
  /** The booted kit (within tests and hooks). */
  readonly db: () => OrdersOnOwnDatabase;
  /** The pool on the service's database (within tests and hooks). */
  readonly pool: () => Pool;
  /** A provider of the instance running now. */
  readonly get: <T>(type: new (...args: never[]) => T) => T;
  /** A request to register: the customer's paid washer repair in town, wanted an hour after the clock's now. */
  readonly repair: (customerId: string, over?: Readonly<Record<string, string>>) => Record<string, string>;
}

/**
 * The orders service on a database of its own for the spec that calls this: booted before its tests (before the
 * spec's own `beforeAll`, which seeds it), stopped and dropped after them. `random` is the source chat sampling
 * draws from.
 */
export function ordersDatabaseFor(
  name: string,
  { random }: { random?: () => number } = {},
): OrdersSpec & ReturnType<typeof recordedEvents> {
  const clock = new FixedClock(new Date());
  const tenantId = randomUUID();
  let booted: OrdersOnOwnDatabase | undefined;
  beforeAll(async () => {
    booted = await ordersOnOwnDatabase(name, clock, random);
  }, 60_000);
  afterAll(async () => {
    await booted?.stop();
  });
  const db = () => {
    if (!booted) throw new Error(`the orders service on ${name} is not booted`);
    return booted;
  };
  const pool = () => db().pool;
  return {
    clock,
    tenantId,
    call: { tenantId, actorId: randomUUID(), roles: ['admin'], correlationId: randomUUID() },
    db,
    pool,
    get: (type) => db().running().app.get(type),
    repair: (customerId, over) => ({ ...repairOf(clock, customerId), ...over }),
    ...recordedEvents(tenantId, pool),
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
  /** Staff's StaffEligibilityChanged (StaffEligibilityChangedV1): the person eligible since January (in `tenant`). */
  const eligible = (staffId: string, tenant = tenantId) =>
    feed(
      eligibilityProjection,
      delivered(
        'StaffEligibilityChanged',
        { staffId, eligible: true, reasons: [], since: '2026-01-01T00:00:00.000Z' },
        tenant,
      ),
    );
  /**
   * Contracts' ContractEntitlementsPublished: version 1 of `terms`' contract, in force from 2026 to 2030, with no
   * sessions, visits, equipment or warranty unless `terms` gives them.
   */
  const entitled = (
    terms: Pick<
      ContractEntitlementsPublishedV1,
      'contractId' | 'customerId' | 'kind' | 'line' | 'publishedAt'
    > &
      Partial<ContractEntitlementsPublishedV1>,
  ) =>
    feed(
      entitlementsProjection,
      delivered('ContractEntitlementsPublished', {
        version: 1,
        effectiveFrom: '2026-01-01',
        endDate: '2030-12-31',
        sessions: null,
        maintenanceVisitsDue: [],
        equipment: [],
        warranty: null,
        ...terms,
      } satisfies ContractEntitlementsPublishedV1),
    );
  /**
   * Tenancy's BusinessCalendarSet: the tenant's calendar in `timeZone`, open `open`–`close` on weekdays, closed on
   * `holidays`.
   */
  const calendarSet = (
    timeZone: string,
    open: string,
    close: string,
    tenant = tenantId,
    holidays: readonly string[] = [],
  ) =>
    feed(
      calendarsProjection,
      delivered(
        'BusinessCalendarSet',
        {
          calendar: {
            timeZone,
            workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close })),
            holidays,
          },
        },
        tenant,
      ),
    );
  return { delivered, feed, eligible, entitled, calendarSet };
}

/** The customer's paid washer repair in town, wanted an hour after `clock`'s now: the request the specs register. */
export const repairOf = (clock: Clock, customerId: string) => ({
  customerId,
  line: 'after_sales_repair',
  kind: 'repair',
  serviceType: 'paid',
  wantedAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
  zone: 'town',
  address: '8 Garden Lane, Minhang',
  subject: 'Washer X200',
  problem: 'Drum does not turn',
});

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
