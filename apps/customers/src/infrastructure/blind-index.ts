import { prepared } from '@serviceops/eventstore';
import { createHmac, hkdfSync } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DuplicateCandidate } from '../domain/customer/customer.state';
import type { CustomerState } from '../domain/customer/customer.state';

/** The customer's stream exists: rows written ahead of a registration that failed are not customers. */
const REGISTERED = `EXISTS (SELECT 1 FROM customers.events e
  WHERE e.stream_id = 'customer-' || f.tenant_id || '-' || f.customer_id AND e.stream_version = 1)`;

/** How many suspected duplicates a registration is shown (and its event names). */
export const DUPLICATES_SHOWN = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Kind = DuplicateCandidate['matchedOn'][number] | 'birthday';

interface Searchable {
  readonly phone?: string;
  readonly email?: string;
  readonly idNumber?: string;
  readonly birthDate?: string;
}

/**
 * Keyed hashes (HMAC-SHA-256, a key derived from the master key, the tenant mixed in) of the values the service
 * must find customers by while their data is encrypted: phone, email and ID number for duplicate detection, the
 * birthday (month and day) for greetings. Only active customers are indexed; the rows go with merges and
 * erasures, in the same transaction as the event.
 */
export class BlindIndex {
  private readonly key: Buffer;

  constructor(
    private readonly pool: Pool,
    masterKeyBase64: string,
  ) {
    const master = Buffer.from(masterKeyBase64, 'base64');
    this.key = Buffer.from(hkdfSync('sha256', master, 'serviceops', 'customers blind index v1', 32));
  }

  digest(tenantId: string, kind: Kind, value: string): Buffer {
    return createHmac('sha256', this.key).update(`${tenantId}\u0000${kind}\u0000${value}`).digest();
  }

  /** The normalised values a customer is found by: phones by their digits, e-mails in lower case. */
  digestsOf(tenantId: string, file: Searchable): { kind: Kind; digest: Buffer }[] {
    const values: [Kind, string | undefined][] = [
      ['phone', file.phone?.replace(/\D/g, '')],
      ['email', file.email?.trim().toLowerCase()],
      ['idNumber', file.idNumber?.replace(/[\s-]/g, '').toUpperCase()],
      ['birthday', file.birthDate?.slice(5)],
    ];
    return values.flatMap(([kind, value]) =>
      value ? [{ kind, digest: this.digest(tenantId, kind, value) }] : [],
    );
  }

  /** Keeps the customer's rows in step with its state (in the transaction that appends the event). */
  async replace(tx: PoolClient, tenantId: string, state: CustomerState): Promise<void> {
    if (state.status === 'absent') return;
    await tx.query('DELETE FROM customers.customer_fingerprints WHERE customer_id = $1', [state.customerId]);
    if (state.status !== 'active') return;
    const digests = this.digestsOf(tenantId, state);
    if (digests.length > 0) await this.insert(tx, tenantId, state.customerId, digests);
  }

  /**
   * A customer being registered: its rows are written before its first event, in a transaction of their own
   * that does not wait for its fsync (the event's synchronous commit, later in the same WAL, makes both durable),
   * so registration keeps the event store's group commit. Rows whose customer never got its stream (a failed
   * append) are ignored by the lookups.
   */
  async addNew(tenantId: string, customerId: string, file: Searchable): Promise<void> {
    const digests = this.digestsOf(tenantId, file);
    if (digests.length === 0) return;
    if (!UUID.test(customerId) || !UUID.test(tenantId)) throw new Error('customer and tenant ids are uuids');
    // One round trip; literals only (uuids checked above, kinds from a fixed set, hex digests), as a
    // multi-statement query takes no parameters.
    const rows = digests
      .map((d) => `('${customerId}', '${tenantId}', '${d.kind}', '\\x${d.digest.toString('hex')}')`)
      .join(', ');
    const client = await this.pool.connect();
    try {
      await client.query(
        `BEGIN; SET LOCAL synchronous_commit = off;
         INSERT INTO customers.customer_fingerprints (customer_id, tenant_id, kind, digest) VALUES ${rows}
           ON CONFLICT DO NOTHING;
         COMMIT;`,
      );
    } catch (error) {
      // A failed statement leaves the explicit transaction open and aborted: end it before the connection goes back.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async insert(
    client: PoolClient,
    tenantId: string,
    customerId: string,
    digests: readonly { kind: Kind; digest: Buffer }[],
  ): Promise<void> {
    await client.query(
      `INSERT INTO customers.customer_fingerprints (customer_id, tenant_id, kind, digest)
       SELECT $1, $2, k, d FROM unnest($3::text[], $4::bytea[]) AS f(k, d) ON CONFLICT DO NOTHING`,
      [customerId, tenantId, digests.map((d) => d.kind), digests.map((d) => d.digest)],
    );
  }

  /**
   * Active customers of the tenant with the same phone, email or ID number: the first `DUPLICATES_SHOWN` by id.
   * Each value's rows are walked in id order and the walk stops at that many (the index's order), so the lookup
   * costs the same whether one customer or ten thousand share a number; the first of the union are the first of
   * all, with every value they match.
   */
  async candidates(tenantId: string, file: Searchable): Promise<DuplicateCandidate[]> {
    const digests = this.digestsOf(tenantId, { ...file, birthDate: undefined });
    if (digests.length === 0) return [];
    const { rows } = await this.pool.query<{ customer_id: string; kinds: DuplicateCandidate['matchedOn'] }>({
      ...prepared(`SELECT m.customer_id, array_agg(DISTINCT m.kind ORDER BY m.kind) AS kinds
         FROM unnest($2::text[], $3::bytea[]) AS d(kind, digest)
         CROSS JOIN LATERAL (
           SELECT f.customer_id, f.kind FROM customers.customer_fingerprints f
            WHERE f.tenant_id = $1 AND f.kind = d.kind AND f.digest = d.digest AND ${REGISTERED}
            ORDER BY f.customer_id LIMIT $4) m
        GROUP BY m.customer_id ORDER BY m.customer_id LIMIT $4`),
      values: [tenantId, digests.map((d) => d.kind), digests.map((d) => d.digest), DUPLICATES_SHOWN],
    });
    return rows.map((r) => ({ id: r.customer_id, matchedOn: r.kinds }));
  }

  /** Active customers of the tenant whose birthday is one of `monthDays` ('MM-DD'). */
  async birthdays(tenantId: string, monthDays: readonly string[]): Promise<string[]> {
    const digests = monthDays.map((md) => this.digest(tenantId, 'birthday', md));
    const { rows } = await this.pool.query<{ customer_id: string }>(
      `SELECT DISTINCT f.customer_id FROM customers.customer_fingerprints f
       WHERE f.tenant_id = $1 AND f.kind = 'birthday' AND f.digest = ANY($2::bytea[]) AND ${REGISTERED}`,
      [tenantId, digests],
    );
    return rows.map((r) => r.customer_id);
  }
}
