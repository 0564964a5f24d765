// Dispatch under load (issue 15): candidate suggestions with many staff and open orders, and concurrent dispatches.
//
//   DATABASE_URL=… node -r ./infra/register.cjs apps/orders/bench/dispatch.bench.ts   (or: npm run bench -- dispatch)
//
// The orders service as it runs (booted in this process on a database of its own, log transport), a tenant with
// BENCH_DISPATCH_STAFF (default 200) eligible people and BENCH_DISPATCH_ORDERS (default 1000) open orders, a
// quarter of them dispatched (so people carry load). Then:
// - suggestions: GET candidates (`OrderQueries.candidates`: the order, every person's eligibility and
//   availability, ranked by load) for random orders and slots, one at a time, p50/p99; beside it, in the same run,
//   the bare SELECT of the staff facts the ranking reads (what the database part costs);
// - 50-way concurrent dispatch: 50 dispatches of one person to one slot at once (exactly one wins, checked and
//   printed), and 50 dispatches of 50 people to 50 orders at once (all win): commands/s; beside it 50 concurrent
//   bare appends to the same event store.
// Figures are printed, never asserted.
import { randomUUID } from 'node:crypto';
import { withTransaction } from '@serviceops/eventstore';
import type { DeliveredEvent } from '@serviceops/messaging';
import { EventSourcingRuntime, type CallContext } from '@serviceops/platform';
import { bootOnOwnDatabase, handlerOf } from '@serviceops/platform/testing';
import {
  envInt,
  fmtInt,
  fmtMs,
  nowMs,
  printTable,
  report,
  summarize,
  type BenchRow,
} from '@serviceops/testing';
import { Pool, type PoolClient } from 'pg';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import type { OrderView } from '../src/application/order-view';
import { ordersService } from '../src/orders.service-definition';
import { eligibilityProjection } from '../src/projections/facts.projection';

const STAFF = envInt('BENCH_DISPATCH_STAFF', 200);
const ORDERS = envInt('BENCH_DISPATCH_ORDERS', 1_000);
const SUGGESTIONS = envInt('BENCH_DISPATCH_SUGGESTIONS', 200);
const CONCURRENT = 50;

const tenantId = randomUUID();
const call: CallContext = {
  tenantId,
  actorId: randomUUID(),
  roles: ['admin'],
  correlationId: 'dispatch-bench',
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const slotOn = (d: string, hour: number) => ({
  start: `${d}T${String(hour).padStart(2, '0')}:00:00.000Z`,
  end: `${d}T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
});
/** Orders' customers, as orders knows them from customers' events (it refuses an order for an unknown one). */
const customers = Array.from({ length: 50 }, () => randomUUID());
const request = () => ({
  customerId: customers[Math.floor(Math.random() * customers.length)],
  line: 'after_sales_repair',
  kind: 'repair',
  serviceType: 'paid',
  wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
  zone: 'town',
  address: '8 Garden Lane, Minhang',
  subject: 'Washer X200',
  problem: 'Drum does not turn',
});

function eligible(staffId: string, position: number): DeliveredEvent {
  return {
    type: 'StaffEligibilityChanged',
    data: { staffId, eligible: true, reasons: [], since: '2026-01-01T00:00:00.000Z' },
    metadata: { tenantId },
    eventId: randomUUID(),
    streamId: `bench-staff-${staffId}`,
    streamVersion: 1,
    globalPosition: BigInt(position),
    transactionId: 1n,
    schemaVersion: 1,
    recordedAt: new Date(),
    topic: 'staff.events.v1',
  };
}

async function timeEach(count: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const took: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = nowMs();
    await run(i);
    took.push(nowMs() - t0);
  }
  return took;
}

async function timeAll(
  runs: (() => Promise<unknown>)[],
): Promise<{ ms: number; settled: PromiseSettledResult<unknown>[] }> {
  const t0 = nowMs();
  const settled = await Promise.allSettled(runs.map((r) => r()));
  return { ms: nowMs() - t0, settled };
}

async function main(): Promise<void> {
  const booted = await bootOnOwnDatabase('dispatch_bench', ordersService, { LOG_LEVEL: 'warn' });
  const pool = new Pool({ connectionString: booted.databaseUrl, max: 8 });
  try {
    const app = booted.running.app;
    // Called as the gRPC controller calls them: the request mapped by the use case, then the method.
    const served = app.get(OrderHandlers);
    const handlers = {
      register: handlerOf<OrderView>(served, 'orders.RegisterRequest'),
      dispatch: handlerOf<OrderView>(served, 'orders.DispatchOrder'),
    };
    const queries = app.get(OrderQueries);

    const staff = Array.from({ length: STAFF }, () => randomUUID());
    await withTransaction(pool, async (tx: PoolClient) => {
      for (const [i, id] of staff.entries()) await eligibilityProjection(eligible(id, i + 1), tx);
      await tx.query(
        `INSERT INTO orders.known_customers (customer_id, tenant_id, status) SELECT unnest($1::uuid[]), $2, 'active'`,
        [customers, tenantId],
      );
    });
    const t0 = nowMs();
    const orders: string[] = [];
    for (let i = 0; i < ORDERS; i++) orders.push((await handlers.register(request(), call)).id);
    const registerMs = nowMs() - t0;
    // A quarter dispatched, round-robin over people (then the next hour) the day after tomorrow: people carry load.
    const busyDay = day(2);
    for (let i = 0; i < ORDERS / 4; i++)
      await handlers.dispatch(
        {
          id: orders[i] ?? '',
          staffId: staff[i % STAFF] ?? '',
          slot: slotOn(busyDay, Math.floor(i / STAFF) % 8),
        },
        call,
      );
    console.log(
      `seeded ${STAFF} staff, ${ORDERS} orders (${fmtInt((ORDERS * 1000) / registerMs)} registrations/s)`,
    );

    // --- suggestions ---------------------------------------------------------------------------------------------
    const open = orders.slice(ORDERS / 4);
    const suggest = summarize(
      await timeEach(SUGGESTIONS, (i) =>
        queries.candidates({ id: open[i % open.length] ?? '', ...slotOn(busyDay, i % 8) }, call),
      ),
    );
    const bare = summarize(
      await timeEach(SUGGESTIONS, () =>
        pool.query('SELECT * FROM orders.staff_eligibility WHERE tenant_id = $1', [tenantId]),
      ),
    );

    // --- 50-way concurrent dispatch ------------------------------------------------------------------------------
    const raceDay = day(3);
    const oneSlot = slotOn(raceDay, 3);
    const race = open.slice(0, CONCURRENT);
    const onePerson = await timeAll(
      race.map((id) => () => handlers.dispatch({ id, staffId: staff[0] ?? '', slot: oneSlot }, call)),
    );
    const winners = onePerson.settled.filter((s) => s.status === 'fulfilled').length;
    const spread = open.slice(CONCURRENT, 2 * CONCURRENT);
    const manyPeople = await timeAll(
      spread.map(
        (id, i) => () => handlers.dispatch({ id, staffId: staff[i + 1] ?? '', slot: oneSlot }, call),
      ),
    );
    const allWon = manyPeople.settled.filter((s) => s.status === 'fulfilled').length;
    const runtime = app.get(EventSourcingRuntime);
    const appends = await timeAll(
      Array.from(
        { length: CONCURRENT },
        () => () =>
          runtime.store.append(`bench-${randomUUID()}`, [{ type: 'BenchAppended', data: { n: 1 } }], {
            expectedVersion: 'no_stream',
            metadata: { tenantId },
          }),
      ),
    );

    const perSecond = (ms: number) => (CONCURRENT * 1000) / ms;
    const rows: BenchRow[] = [
      {
        benchmark: 'dispatch',
        workload: `candidates, ${STAFF} staff, ${ORDERS} open orders: p50 / p99`,
        result: `${fmtMs(suggest.p50)} / ${fmtMs(suggest.p99)}`,
        baseline: `bare SELECT of the staff facts ${fmtMs(bare.p50)} / ${fmtMs(bare.p99)}`,
        ratio: `${(suggest.p50 / Math.max(bare.p50, 0.001)).toFixed(1)}×`,
      },
      {
        benchmark: 'dispatch',
        workload: `${CONCURRENT} concurrent dispatches of one person to one slot (${winners} won)`,
        result: `${fmtInt(perSecond(onePerson.ms))} commands/s`,
        baseline: `${fmtInt(perSecond(appends.ms))} bare appends/s`,
        ratio: `${(appends.ms / onePerson.ms).toFixed(2)}×`,
      },
      {
        benchmark: 'dispatch',
        workload: `${CONCURRENT} concurrent dispatches of ${CONCURRENT} people (${allWon} won)`,
        result: `${fmtInt(perSecond(manyPeople.ms))} commands/s`,
        baseline: `${fmtInt(perSecond(appends.ms))} bare appends/s`,
        ratio: `${(appends.ms / manyPeople.ms).toFixed(2)}×`,
      },
    ];
    printTable(
      ['workload', 'result', 'beside it', 'ratio'],
      rows.map((r) => [r.workload, r.result, r.baseline ?? '', r.ratio ?? '']),
    );
    report({
      name: 'dispatch',
      rows,
      details: {
        staff: STAFF,
        orders: ORDERS,
        suggest,
        bare,
        winners,
        allWon,
        ms: { onePerson: onePerson.ms, manyPeople: manyPeople.ms, appends: appends.ms },
      },
    });
  } finally {
    await pool.end();
    await booted.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
