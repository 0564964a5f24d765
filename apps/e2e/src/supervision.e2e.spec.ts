import { newId } from '@serviceops/kernel';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform, type Topology } from './platform';

const COMMANDS = 40;
const KILL_AFTER = 10;

/**
 * A crashed process is restarted by the launcher, and a client that retries with its Idempotency-Key loses
 * nothing and doubles nothing: every accepted registration is one event, and the read models catch up.
 */
describe.each<[Topology, string]>([
  ['processes', 'customers'],
  ['one', 'serviceops'],
])('supervision (%s: kill -9 of %s during a stream of commands)', (topology, victim) => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform({ topology, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('restarts it, and every accepted command is applied once', async () => {
    const api = request(platform.url);
    const token = async (): Promise<string> => {
      const res = await api.post('/api/v1/auth/token').send({ username: 'admin', password: ADMIN_PASSWORD });
      return (res.body as { accessToken: string }).accessToken;
    };
    const admin = await poll('a token', async () => (await token().catch(() => undefined)) || undefined);
    const pid = platform.pids[victim];
    expect(pid).toEqual(expect.any(Number));

    const runId = newId().slice(0, 8);
    const ids = new Map<string, string>();
    let refused = 0;
    for (let i = 0; i < COMMANDS; i++) {
      if (i === KILL_AFTER) process.kill(pid ?? 0, 'SIGKILL');
      const key = newId();
      // A client that retries with the same Idempotency-Key until the platform answers.
      const created = await poll(
        `registration ${i} accepted`,
        async () => {
          const res = await api
            .post('/api/v1/customers')
            .set('Authorization', `Bearer ${admin}`)
            .set('Idempotency-Key', key)
            .send({ name: `Crash ${runId} ${i}`, channel: 'phone' })
            .catch(() => undefined);
          if (res?.status === 201) return (res.body as { id: string }).id;
          refused++;
          // Never a 500: the gap is a 503 (gateway alive, service not) or no answer (gateway restarting).
          if (res) expect({ i, status: res.status }).toEqual({ i, status: 503 });
          return undefined;
        },
        60_000,
      );
      ids.set(key, created);
    }
    expect(refused).toBeGreaterThan(0); // the kill did interrupt the stream
    expect(new Set(ids.values()).size).toBe(COMMANDS);

    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string; n: string }>(
        `SELECT data->>'customerId' AS id, count(*) AS n FROM customers.events
          WHERE type = 'CustomerRegistered' AND data->>'customerId' = ANY($1) GROUP BY 1`,
        [[...ids.values()]],
      );
      expect(rows).toHaveLength(COMMANDS);
      expect(rows.every((r) => r.n === '1')).toBe(true);
    } finally {
      await db.end();
    }
    // The read models catch up: every customer listed (customers) and counted (analytics).
    await poll(
      'the list shows every customer',
      async () => {
        const res = await api
          .get('/api/v1/customers')
          .query({ limit: 100 })
          .set('Authorization', `Bearer ${admin}`);
        const listed = new Set(((res.body as { items?: { id: string }[] }).items ?? []).map((c) => c.id));
        const missing = [...ids.values()].filter((id) => !listed.has(id));
        if (missing.length === 0) return true;
        throw new Error(`${res.status}: ${listed.size} listed, ${missing.length} missing (${missing[0]})`);
      },
      60_000,
    );
    const stats = await poll(
      'analytics counts every customer',
      async () => {
        const res = await api.get('/api/v1/analytics/customers').set('Authorization', `Bearer ${admin}`);
        const body = res.body as { customers?: number };
        return body.customers === COMMANDS ? body : undefined;
      },
      60_000,
    );
    expect(stats.customers).toBe(COMMANDS);
  }, 240_000);
});
