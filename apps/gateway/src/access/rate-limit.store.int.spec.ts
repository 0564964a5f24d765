import { databaseUrl, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import { PostgresThrottlerStorage } from './rate-limit.store';

// Two gateway replicas (a pool each) on one budget table: a client over its limit on one is over it on both.

const pools = [0, 1].map(() => new Pool({ connectionString: databaseUrl(), max: 4 }));
afterAll(() => Promise.all(pools.map((p) => p.end())));

async function replicas() {
  const schema = uniqueName('limits');
  const [a, b] = pools.map((pool) => new PostgresThrottlerStorage(pool, schema)) as [
    PostgresThrottlerStorage,
    PostgresThrottlerStorage,
  ];
  await Promise.all([a.migrate(), b.migrate()]); // replicas starting together
  return { a, b };
}

const MINUTE = 60_000;

describe('rate-limit budgets shared in PostgreSQL', () => {
  it('counts one budget across replicas and blocks the request over the limit, on every replica', async () => {
    const { a, b } = await replicas();
    const hits: number[] = [];
    for (const replica of [a, b, a, b, a])
      hits.push((await replica.increment('client-1', MINUTE, 5, MINUTE, 'default')).totalHits);
    expect(hits).toEqual([1, 2, 3, 4, 5]);
    const sixth = await b.increment('client-1', MINUTE, 5, MINUTE, 'default');
    expect(sixth).toMatchObject({ totalHits: 6, isBlocked: true });
    expect(sixth.timeToBlockExpire).toBeGreaterThan(55);
    expect(sixth.timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(await a.increment('client-1', MINUTE, 5, MINUTE, 'default')).toMatchObject({ isBlocked: true });
    // Another client has its own budget.
    expect(await a.increment('client-2', MINUTE, 5, MINUTE, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('counts concurrent requests once each', async () => {
    const { a, b } = await replicas();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).increment('burst', MINUTE, 10, MINUTE, 'default')),
    );
    expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => r.isBlocked)).toHaveLength(10);
  });

  it('starts a new window once the last is over, and ends a block when its time is up', async () => {
    const { a, b } = await replicas();
    const window = 300; // ms
    expect(await a.increment('short', window, 1, window, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await b.increment('short', window, 1, window, 'default')).toMatchObject({
      totalHits: 2,
      isBlocked: true,
    });
    await new Promise((r) => setTimeout(r, window + 100));
    expect(await b.increment('short', window, 1, window, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });
});
