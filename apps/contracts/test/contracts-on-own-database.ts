import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { API, type Rpc } from '@serviceops/contracts';
import { PostgresEventStore } from '@serviceops/eventstore';
import { defaultBusinessCalendar } from '@serviceops/kernel';
import { type CallContext, type RunningService } from '@serviceops/platform';
import { bootOnOwnDatabase, handlerOf, type BootedService, type Served } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { Pool } from 'pg';
import type { ContractView } from '../src/application/contract-view';
import { contractsService } from '../src/contracts.service-definition';

// What the contracts integration specs share: the service booted on a database of its own (and booted again on it,
// as after a restart), a pool on its schema, its durable timers to read and make due, tenancy's calendar event,
// and the signatures both parties give.

export interface ContractsOnOwnDatabase {
  readonly booted: BootedService;
  /** A pool on the service's database, `contracts` first on the search path. */
  readonly pool: Pool;
  /** The instance running now (after `restart`, the new one). */
  readonly running: () => RunningService;
  /** The service goes down; `whileDown` runs (a timer falls due, say); another instance starts on the database. */
  readonly restart: (whileDown?: () => Promise<unknown>) => Promise<RunningService>;
  /** A timer's row (undefined: none armed). */
  readonly timerRow: (id: string) => Promise<{ due_at: Date; fired_at: Date | null } | undefined>;
  /** The clock moved: the timer is due now (and armed again when it had fired). */
  readonly dueNow: (id: string) => Promise<void>;
  /** How many events of `type` the stream whose id ends with `id` holds. */
  readonly recorded: (id: string, type: string) => Promise<number>;
  /** Tenancy sets the tenant's calendar in `zone` (its event in tenancy's log); waits until this service has it. */
  readonly moveTenant: (tenantId: string, zone: string) => Promise<void>;
  readonly stop: () => Promise<void>;
}

/** Boots the contracts service on a fresh database; `stop` ends it and drops the database. */
export async function contractsOnOwnDatabase(name: string): Promise<ContractsOnOwnDatabase> {
  const booted = await bootOnOwnDatabase(name, contractsService);
  const pool = new Pool({
    connectionString: booted.databaseUrl,
    max: 4,
    options: '-c search_path=contracts,public',
  });
  let current = booted.running;
  const tenancyLog = new PostgresEventStore({ pool, schema: 'tenancy' });
  let tenancyMigrated: Promise<void> | undefined;
  return {
    booted,
    pool,
    running: () => current,
    restart: async (whileDown) => {
      await current.stop();
      await whileDown?.();
      current = await booted.again();
      return current;
    },
    timerRow: async (id) =>
      (
        await pool.query<{ due_at: Date; fired_at: Date | null }>(
          'SELECT due_at, fired_at FROM timers WHERE timer_id = $1',
          [id],
        )
      ).rows[0],
    dueNow: async (id) => {
      await pool.query('UPDATE timers SET due_at = now(), fired_at = NULL WHERE timer_id = $1', [id]);
    },
    recorded: async (id, type) =>
      Number(
        (
          await pool.query<{ n: string }>(
            'SELECT count(*) AS n FROM events WHERE stream_id LIKE $1 AND type = $2',
            [`%${id}`, type],
          )
        ).rows[0]?.n,
      ),
    moveTenant: async (tenantId, zone) => {
      await (tenancyMigrated ??= tenancyLog.migrate());
      await tenancyLog.append(
        `tenant-${tenantId}-calendar`,
        [{ type: 'BusinessCalendarSet', data: { calendar: { ...defaultBusinessCalendar, timeZone: zone } } }],
        { metadata: { tenantId } },
      );
      await eventually(`the tenant in ${zone}`, async () => {
        const { rows } = await pool.query<{ time_zone: string }>(
          'SELECT time_zone FROM tenant_zones WHERE tenant_id = $1',
          [tenantId],
        );
        return rows[0]?.time_zone === zone ? true : undefined;
      });
    },
    stop: async () => {
      await current.stop();
      await pool.end();
      await booted.stop();
    },
  };
}

/** A declared method of the contracts service (libs/contracts api/contracts.api.ts). */
export type ContractsMethod = keyof (typeof API)['contracts'];

/**
 * The service's declared methods by name, each as its gRPC controller calls it (`handlerOf`, through the service's
 * handler table). `View` is what the methods called answer: the contract by default, `ProposalView` for a proposal's.
 */
export function declaredMethods<View = ContractView>(
  app: INestApplicationContext,
): Readonly<Record<ContractsMethod, Served<View>>> {
  return Object.fromEntries(
    Object.keys(API.contracts).map((method) => [
      method,
      handlerOf<View>(app, `contracts.${method}` as Rpc, contractsService),
    ]),
  ) as Record<ContractsMethod, Served<View>>;
}

/** An administrator of `tenantId`. */
export const adminOf = (tenantId: string, correlationId = 'contracts-test'): CallContext => ({
  tenantId,
  actorId: '1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
  roles: ['admin'],
  correlationId,
});

/** A party's signature, given electronically. */
export const signatureOf = (party: 'customer' | 'provider') => ({
  party,
  signer: party === 'customer' ? 'Li Lei' : 'Han Meimei',
  method: 'electronic',
});

/** Ten driving-practice sessions at 200.00 CNY each: the items of a package, quoted or contracted. */
export const PRACTICE_SESSIONS = [
  {
    kind: 'service',
    description: 'practice session',
    quantity: 10,
    unitPrice: { amount: '20000', currency: 'CNY' },
  },
];

/** A package contract to draft, from `startDate` to `endDate`, with every clause its template requires. */
export const practicePackage = (startDate: string, endDate: string, customerId: string = randomUUID()) => ({
  kind: 'service_package',
  customerId,
  line: 'driving_practice',
  terms: {
    startDate,
    endDate,
    items: PRACTICE_SESSIONS,
    clauses: {
      items: 'ten sessions',
      fees: 'in advance',
      term: 'the package term',
      breachLiability: 'forfeited',
    },
  },
});

/**
 * The contracts service on a database of its own for the spec that calls this: booted before its tests, stopped
 * and dropped after them. Returns the booted kit (to call within tests).
 */
export function contractsDatabaseFor(name: string): () => ContractsOnOwnDatabase {
  let db: ContractsOnOwnDatabase | undefined;
  beforeAll(async () => {
    db = await contractsOnOwnDatabase(name);
  }, 60_000);
  afterAll(async () => {
    await db?.stop();
  });
  return () => {
    if (!db) throw new Error(`the contracts service on ${name} is not booted`);
    return db;
  };
}

/** Declares that `list` refuses each filter of `cases` as 400 VALIDATION naming the field given beside it. */
export function itRefusesFilters<F>(
  list: (filter: F) => Promise<unknown>,
  cases: readonly (readonly [F, string])[],
) {
  it.each(cases)('refuses %j naming %s (400)', async (filter, path) => {
    await expect(list(filter)).rejects.toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path }) as unknown],
    });
  });
}
