import { databaseUrl, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import { IdempotencyStore, type IdempotentRequest } from './idempotency.store';

const pool = new Pool({ connectionString: databaseUrl(), max: 4 });
afterAll(() => pool.end());

const request = (actorId: string, requestHash = 'h1'): IdempotentRequest => ({
  tenantId: 'tenant-1',
  actorId,
  key: 'key-1',
  method: 'POST',
  path: '/api/v1/customers',
  requestHash,
  view: undefined,
});

describe('the idempotency store on PostgreSQL', () => {
  it('keeps a key to its caller: the same key of two users is two claims', async () => {
    const store = new IdempotencyStore(pool, { schema: uniqueName('idem') });
    await store.migrate();
    const a = await store.claim(request('user-a'));
    expect(a.kind).toBe('claimed');
    if (a.kind !== 'claimed') return;
    await store.complete(request('user-a'), a.owner, { status: 201, headers: {}, body: '{"id":"1"}' });
    expect((await store.claim(request('user-b', 'h2'))).kind).toBe('claimed');
    expect(await store.claim(request('user-a'))).toMatchObject({ kind: 'answered', answer: { status: 201 } });
    expect((await store.claim(request('user-a', 'h2'))).kind).toBe('reused');
  });

  it('moves a table made before keys were per caller to (tenant, caller, key), twice without harm', async () => {
    const schema = uniqueName('idem');
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`
      CREATE TABLE "${schema}".idempotency_keys (
        tenant_id text NOT NULL, key text NOT NULL, method text NOT NULL, path text NOT NULL,
        request_hash text NOT NULL, owner uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'completed')), status integer, headers jsonb,
        body text, created_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz,
        PRIMARY KEY (tenant_id, key))`);
    await pool.query(
      `INSERT INTO "${schema}".idempotency_keys (tenant_id, key, method, path, request_hash, owner, state)
       VALUES ('tenant-1', 'key-1', 'POST', '/x', 'h0', gen_random_uuid(), 'completed')`,
    );
    const store = new IdempotencyStore(pool, { schema });
    await store.migrate();
    await store.migrate();
    const { rows } = await pool.query<{ columns: string[] }>(
      `SELECT array_agg(a.attname::text ORDER BY a.attname) AS columns FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.conrelid = $1::regclass AND c.contype = 'p'`,
      [`"${schema}".idempotency_keys`],
    );
    expect(rows[0]?.columns).toEqual(['actor_id', 'key', 'tenant_id']);
    // The old row belongs to nobody: a caller's claim of the same key is a new one.
    expect((await store.claim(request('user-a'))).kind).toBe('claimed');
  });
});
