import type { Type } from '@nestjs/common';
import { withTransaction } from '@serviceops/eventstore';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { keptBody } from './kept-answer';

export interface IdempotentRequest {
  readonly tenantId: string;
  /** The caller: a key is theirs alone (Stripe's rule), so nobody replays, blocks or probes another's. */
  readonly actorId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly requestHash: string;
  /**
   * The answer's view class: a success is kept without the fields it marks personal or secret (and without
   * fields it does not state); without one, nothing of a success's body is kept.
   */
  readonly view: Type<unknown> | undefined;
}

export interface StoredAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as JSON text: as it was sent to `complete`, as it was kept (personal fields left out) from `claim`. */
  readonly body: string;
}

export type Claim =
  /** This request owns the key: act, then complete or release. */
  | { readonly kind: 'claimed'; readonly owner: string }
  | { readonly kind: 'answered'; readonly answer: StoredAnswer }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'reused' };

export interface IdempotencyOptions {
  readonly schema?: string;
  /** How long an answer is kept (and the key blocked). */
  readonly ttlSeconds?: number;
  /** An 'in progress' row older than this was left by a crashed gateway and may be taken over. */
  readonly abandonedAfterSeconds?: number;
}

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Answers kept per (tenant, caller, key) in PostgreSQL, so a retry on any replica returns the first answer. The first
 * request inserts an 'in progress' row (the primary key makes concurrent duplicates lose) before acting.
 */
export class IdempotencyStore {
  private readonly table: string;
  private readonly ttlSeconds: number;
  private readonly abandonedAfterSeconds: number;
  private lastSweep = 0;

  constructor(
    private readonly pool: Pool,
    private readonly options: IdempotencyOptions = {},
  ) {
    this.table = `"${options.schema ?? 'gateway'}".idempotency_keys`;
    this.ttlSeconds = options.ttlSeconds ?? 24 * 3600;
    this.abandonedAfterSeconds = options.abandonedAfterSeconds ?? 120;
  }

  /** Creates the table when missing; one replica at a time. */
  async migrate(): Promise<void> {
    const schema = this.options.schema ?? 'gateway';
    await withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.idempotency_keys`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          tenant_id    text        NOT NULL,
          key          text        NOT NULL,
          method       text        NOT NULL,
          path         text        NOT NULL,
          request_hash text        NOT NULL,
          owner        uuid        NOT NULL,
          state        text        NOT NULL CHECK (state IN ('in_progress', 'completed')),
          status       integer,
          headers      jsonb,
          body         text,
          created_at   timestamptz NOT NULL DEFAULT now(),
          completed_at timestamptz,
          PRIMARY KEY (tenant_id, key)
        )`);
      // Keys are the caller's own (they were the tenant's): a table made before that gets the column, and its
      // primary key becomes (tenant, caller, key). Rows kept before belong to nobody ('') and expire as usual.
      await client.query(
        `ALTER TABLE ${this.table} ADD COLUMN IF NOT EXISTS actor_id text NOT NULL DEFAULT ''`,
      );
      const { rows } = await client.query<{ scoped: boolean }>(
        `SELECT EXISTS (
           SELECT 1 FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.conrelid = $1::regclass AND c.contype = 'p' AND a.attname = 'actor_id') AS scoped`,
        [this.table],
      );
      if (!rows[0]?.scoped)
        await client.query(
          `ALTER TABLE ${this.table} DROP CONSTRAINT idempotency_keys_pkey,
             ADD PRIMARY KEY (tenant_id, actor_id, key)`,
        );
      await client.query(
        `CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON ${this.table} (created_at)`,
      );
    });
  }

  async claim(request: IdempotentRequest): Promise<Claim> {
    this.sweepNowAndThen();
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = randomUUID();
      // Takes the key when it is new, expired, or abandoned by a crashed gateway; otherwise changes nothing.
      const claimed = await this.pool.query(
        `INSERT INTO ${this.table} AS k (tenant_id, key, method, path, request_hash, owner, state, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'in_progress', $9)
         ON CONFLICT (tenant_id, actor_id, key) DO UPDATE
            SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
                owner = EXCLUDED.owner, state = 'in_progress', status = NULL, headers = NULL, body = NULL,
                created_at = now(), completed_at = NULL
          WHERE k.created_at < now() - make_interval(secs => $7)
             OR (k.state = 'in_progress' AND k.created_at < now() - make_interval(secs => $8))
         RETURNING owner`,
        [
          request.tenantId,
          request.key,
          request.method,
          request.path,
          request.requestHash,
          owner,
          this.ttlSeconds,
          this.abandonedAfterSeconds,
          request.actorId,
        ],
      );
      if (claimed.rowCount === 1) return { kind: 'claimed', owner };
      const { rows } = await this.pool.query<{
        method: string;
        path: string;
        request_hash: string;
        state: 'in_progress' | 'completed';
        status: number | null;
        headers: Record<string, string> | null;
        body: string | null;
      }>(
        `SELECT method, path, request_hash, state, status, headers, body FROM ${this.table}
          WHERE tenant_id = $1 AND key = $2 AND actor_id = $3`,
        [request.tenantId, request.key, request.actorId],
      );
      const row = rows[0];
      if (!row) continue; // released (a failed first attempt) in between: try to take it again
      if (
        row.method !== request.method ||
        row.path !== request.path ||
        row.request_hash !== request.requestHash
      )
        return { kind: 'reused' };
      if (row.state === 'in_progress' || row.status === null || row.body === null)
        return { kind: 'in-progress' };
      return { kind: 'answered', answer: { status: row.status, headers: row.headers ?? {}, body: row.body } };
    }
    return { kind: 'in-progress' };
  }

  /**
   * Keeps the answer; a success without the fields its view marks personal or secret (see `withoutPersonalData`):
   * a replay carries ids, versions and states. A problem carries no personal data and is kept as it is.
   */
  async complete(request: IdempotentRequest, owner: string, answer: StoredAnswer): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table}
          SET state = 'completed', status = $4, headers = $5, body = $6, completed_at = now()
        WHERE tenant_id = $1 AND key = $2 AND owner = $3`,
      [
        request.tenantId,
        request.key,
        owner,
        answer.status,
        JSON.stringify(answer.headers),
        answer.status >= 400 ? answer.body : request.view ? keptBody(answer.body, request.view) : 'null',
      ],
    );
  }

  /** Forgets a claim whose attempt failed (5xx), so a retry acts again. */
  async release(request: IdempotentRequest, owner: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE tenant_id = $1 AND key = $2 AND owner = $3`, [
      request.tenantId,
      request.key,
      owner,
    ]);
  }

  /** Deletes expired keys, at most every ten minutes, without holding up the request. */
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.pool
      .query(`DELETE FROM ${this.table} WHERE created_at < now() - make_interval(secs => $1)`, [
        this.ttlSeconds,
      ])
      .catch(() => {
        this.lastSweep = 0; // try again on a later request
      });
  }
}
