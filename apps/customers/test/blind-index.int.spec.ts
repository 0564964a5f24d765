import { PostgresEventStore } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import { randomBytes } from 'node:crypto';
import { BlindIndex, DUPLICATES_SHOWN } from '../src/infrastructure/blind-index';
import { CUSTOMERS_SCHEMA, openCustomersDatabase, type CustomersDatabase } from './customers-database';

// The duplicate lookup on real PostgreSQL: which customers a registration is shown, with what they match on, and
// that the lookup stops at the first it shows however many customers share a number.

const PHONE = '+86 138 0000 0000';
const EMAIL = 'shared@example.com';

let db: CustomersDatabase;
let store: PostgresEventStore;
let index: BlindIndex;

beforeAll(async () => {
  db = await openCustomersDatabase('blind_index');
  store = new PostgresEventStore({ pool: db.pool, schema: CUSTOMERS_SCHEMA, groupCommit: false });
  await store.migrate();
  index = new BlindIndex(db.pool, randomBytes(32).toString('base64'));
}, 60_000);

afterAll(async () => {
  await db?.close();
});

/** A customer as registration leaves it: its blind-index rows, then (unless the append failed) its stream. */
async function register(
  tenantId: string,
  file: { phone?: string; email?: string },
  options: { appended?: boolean } = {},
): Promise<string> {
  const customerId = newId();
  await index.addNew(tenantId, customerId, file);
  if (options.appended !== false)
    await store.append(`customer-${tenantId}-${customerId}`, [
      { type: 'CustomerRegistered', data: { customerId } },
    ]);
  return customerId;
}

const byId = (ids: readonly string[]) => [...ids].sort();

describe('the duplicate lookup', () => {
  it('shows the first customers by id among those sharing a value, with every value each matches', async () => {
    const tenantId = newId();
    const phoneOnly = await Promise.all(
      Array.from({ length: 30 }, () => register(tenantId, { phone: PHONE })),
    );
    const both = await Promise.all(
      Array.from({ length: 5 }, () => register(tenantId, { phone: PHONE, email: EMAIL })),
    );
    const emailOnly = await Promise.all(
      Array.from({ length: 3 }, () => register(tenantId, { email: EMAIL })),
    );

    const found = await index.candidates(tenantId, { phone: '+8613800000000', email: 'Shared@Example.com ' });

    const expected = byId([...phoneOnly, ...both, ...emailOnly]).slice(0, DUPLICATES_SHOWN);
    expect(found.map((c) => c.id)).toEqual(expected);
    for (const candidate of found) {
      const kinds = both.includes(candidate.id)
        ? ['email', 'phone']
        : emailOnly.includes(candidate.id)
          ? ['email']
          : ['phone'];
      expect(candidate.matchedOn).toEqual(kinds);
    }
  });

  it('passes over rows whose registration never got its stream, and other tenants’ customers', async () => {
    const tenantId = newId();
    const registered = await register(tenantId, { phone: PHONE });
    await register(tenantId, { phone: PHONE }, { appended: false });
    await register(newId(), { phone: PHONE });

    expect(await index.candidates(tenantId, { phone: PHONE })).toEqual([
      { id: registered, matchedOn: ['phone'] },
    ]);
    expect(await index.candidates(tenantId, { phone: '+86 139 0000 0000' })).toEqual([]);
    expect(await index.candidates(tenantId, {})).toEqual([]);
  });

  it('reads no more of a value’s rows than it shows, however many customers share it', async () => {
    // Ten thousand registered customers share one number (written in bulk, as registration leaves them), and a
    // lookup by number and e-mail walks both.
    const tenantId = newId();
    const digest = index.digestsOf(tenantId, { phone: PHONE })[0]?.digest;
    await db.pool.query(
      `WITH c AS (SELECT gen_random_uuid() AS id FROM generate_series(1, 10000)),
            f AS (INSERT INTO customers.customer_fingerprints (customer_id, tenant_id, kind, digest)
                  SELECT id, $1, 'phone', $2 FROM c)
       INSERT INTO customers.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       SELECT 'customer-' || $1 || '-' || id, 1, gen_random_uuid(), 'CustomerRegistered', 1, '{}', '{}' FROM c`,
      [tenantId, digest],
    );
    await register(tenantId, { email: EMAIL });
    // And ten thousand more customers of the tenant, each with a number of their own.
    await db.pool.query(
      `INSERT INTO customers.customer_fingerprints (customer_id, tenant_id, kind, digest)
       SELECT gen_random_uuid(), $1, 'phone', sha256(i::text::bytea) FROM generate_series(1, 10000) AS i`,
      [tenantId],
    );
    await db.pool.query('ANALYZE customers.customer_fingerprints');
    await db.pool.query('ANALYZE customers.events');

    const spy = jest.spyOn(db.pool, 'query');
    await index.candidates(tenantId, { phone: PHONE, email: EMAIL });
    const [{ text, values }] = spy.mock.calls[0] as unknown as [{ text: string; values: unknown[] }];
    spy.mockRestore();
    const { rows } = await db.pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
      values,
    );
    const scans = nodes(rows[0]?.['QUERY PLAN'][0]?.Plan).filter(
      (n) => n['Relation Name'] === 'customer_fingerprints',
    );
    expect((await index.candidates(tenantId, { phone: PHONE, email: EMAIL })).length).toBe(DUPLICATES_SHOWN);
    expect(scans.length).toBeGreaterThan(0);
    // Each value's walk stops at the first DUPLICATES_SHOWN of its rows (one value here has ten thousand).
    const read = scans.reduce((sum, scan) => sum + scan['Actual Rows'] * scan['Actual Loops'], 0);
    expect(read).toBeLessThanOrEqual(2 * DUPLICATES_SHOWN);
  });
});

interface PlanNode {
  readonly 'Relation Name'?: string;
  readonly 'Actual Rows': number;
  readonly 'Actual Loops': number;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode | undefined): PlanNode[] {
  return plan ? [plan, ...(plan.Plans ?? []).flatMap(nodes)] : [];
}
