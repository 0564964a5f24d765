import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

const PREFIX = 'enc:v1:';
/** A value still sealed (e.g. its key is gone): never shown. */
export function isSealed(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** How long an unwrapped key is kept in memory. */
const KEY_CACHE_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Personal data sealed with AES-256-GCM under a data key of the customer's own. Data keys are stored
 * wrapped (AES-256-GCM) by the master key from config; the customer's id is the associated data, so a
 * value copied to another customer does not open. Destroying a data key makes every copy of that
 * customer's personal data unreadable (events, read models, Kafka, backups) while the rest stays.
 */
export class PersonalDataCipher {
  private readonly master: Buffer;
  /** Unwrapped keys, briefly: another replica's erasure reaches this cache within KEY_CACHE_MS. */
  private readonly keys = new Map<string, { key: Buffer; until: number }>();

  /** `schema`: the service's own schema, holding its `data_keys` table (customers' by default). */
  constructor(
    private readonly pool: Pool,
    masterKeyBase64: string,
    private readonly schema = 'customers',
  ) {
    this.master = Buffer.from(masterKeyBase64, 'base64');
    if (this.master.length !== 32) throw new Error('MASTER_KEY must be the base64 of exactly 32 bytes');
  }

  /**
   * Creates the customer's data key if it does not exist yet (idempotent) and returns it. The key's commit
   * does not wait for its own fsync: the events sealed with it are appended afterwards with a synchronous
   * commit, and PostgreSQL flushes its WAL in order, so whenever those events are durable the key is too
   * (and a key whose events never came is harmless).
   */
  async keyFor(customerId: string): Promise<Buffer> {
    const cached = this.cached(customerId);
    if (cached) return cached;
    if (!UUID.test(customerId)) throw new Error('customer ids are uuids');
    const fresh = randomBytes(32);
    const wrapped = this.wrap(fresh, customerId).toString('hex');
    // One round trip; literals only (a uuid checked above and hex), as a multi-statement query takes no parameters.
    const results = (await this.pool.query(
      `BEGIN; SET LOCAL synchronous_commit = off;
       INSERT INTO ${this.schema}.data_keys (customer_id, wrapped_key) VALUES ('${customerId}', '\\x${wrapped}')
         ON CONFLICT (customer_id) DO NOTHING RETURNING customer_id;
       COMMIT;`,
    )) as unknown as { rowCount: number | null; command: string }[];
    const inserted = results.find((r) => r.command === 'INSERT')?.rowCount === 1;
    if (inserted) {
      this.remember(customerId, fresh);
      return fresh;
    }
    const key = await this.load(customerId);
    if (!key) throw new Error('data key vanished');
    return key;
  }

  private cached(customerId: string): Buffer | undefined {
    const entry = this.keys.get(customerId);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.key;
    this.keys.delete(customerId);
    return undefined;
  }

  private remember(customerId: string, key: Buffer): void {
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(customerId, { key, until: Date.now() + KEY_CACHE_MS });
  }

  /**
   * Crypto-shredding: deletes the customers' data keys inside the caller's transaction (with the event that
   * records the erasure). Once committed, nothing sealed with them can be opened again, anywhere.
   */
  async destroy(tx: PoolClient, customerIds: readonly string[]): Promise<void> {
    await tx.query(`DELETE FROM ${this.schema}.data_keys WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
    for (const id of customerIds) this.keys.delete(id);
  }

  /** The customer's data key, or undefined once it was destroyed (or never made). */
  async load(customerId: string): Promise<Buffer | undefined> {
    const cached = this.cached(customerId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ wrapped_key: Buffer }>(
      `SELECT wrapped_key FROM ${this.schema}.data_keys WHERE customer_id = $1`,
      [customerId],
    );
    const wrapped = rows[0]?.wrapped_key;
    if (!wrapped) return undefined;
    const key = this.unwrap(wrapped, customerId);
    this.remember(customerId, key);
    return key;
  }

  /** Data keys of many customers in one query (a page of a list); destroyed ones are absent. */
  async loadMany(customerIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    const missing = customerIds.filter((id) => {
      const cached = this.cached(id);
      if (cached) keys.set(id, cached);
      return !cached;
    });
    if (missing.length === 0) return keys;
    const { rows } = await this.pool.query<{ customer_id: string; wrapped_key: Buffer }>(
      `SELECT customer_id, wrapped_key FROM ${this.schema}.data_keys WHERE customer_id = ANY($1::uuid[])`,
      [missing],
    );
    for (const row of rows) {
      const key = this.unwrap(row.wrapped_key, row.customer_id);
      this.remember(row.customer_id, key);
      keys.set(row.customer_id, key);
    }
    return keys;
  }

  seal(key: Buffer, customerId: string, clear: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(customerId));
    const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
  }

  open(key: Buffer, customerId: string, sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
    const [iv, tag, body] = sealed.slice(PREFIX.length).split('.');
    if (!iv || !tag || body === undefined) throw new Error('malformed sealed value');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(customerId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  private wrap(key: Buffer, customerId: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    cipher.setAAD(Buffer.from(`data-key:${customerId}`));
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private unwrap(wrapped: Buffer, customerId: string): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.master, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(`data-key:${customerId}`));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}

/**
 * Seals or opens the values at `paths` of an event's data ('name', 'need.place', 'needs[].preferences'), leaving
 * every other field as it is. Absent and null values stay so.
 */
export function mapSealed<T>(data: T, paths: readonly string[], fn: (value: string) => string): T {
  let out: unknown = data;
  for (const path of paths) out = mapPath(out, path.split('.'), fn);
  return out as T;
}

function mapPath(value: unknown, steps: readonly string[], fn: (value: string) => string): unknown {
  const [step, ...rest] = steps;
  if (step === undefined) return typeof value === 'string' ? fn(value) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const list = step.endsWith('[]');
  const key = list ? step.slice(0, -2) : step;
  const record = value as Record<string, unknown>;
  if (!(key in record)) return value;
  const inner = record[key];
  const mapped = list
    ? Array.isArray(inner)
      ? inner.map((item) => mapPath(item, rest, fn))
      : inner
    : mapPath(inner, rest, fn);
  return { ...record, [key]: mapped };
}
