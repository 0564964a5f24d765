import type { EventMetadata, RecordedEvent } from '@serviceops/kernel';
import type { Pool, PoolClient } from 'pg';
import { prepared } from './prepared';
import {
  appendBatch,
  conflictError,
  isUniqueViolation,
  type AppendOutcome,
  type AppendRequest,
  waves,
} from './append';
import { InvalidEventError } from './errors';
import { DEFAULT_GROUP_COMMIT, GroupCommitter, type GroupCommitOptions } from './group-commit';
import { assertSchemaName, EVENT_STORE_MIGRATIONS, migrate } from './migrations';
import { flushOnCommit, withTransaction } from './transaction';
import type { EventRegistry } from './registry';
import { toJson } from './serialization';
import {
  START,
  type AppendOptions,
  type AppendResult,
  type Checkpoint,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type Snapshot,
} from './types';
import { assertExpectedVersion, assertStreamId, DEFAULT_MAX_EVENT_BYTES, prepareEvents } from './validation';

export interface EventStoreOptions {
  readonly pool: Pool;
  /** The owning service's schema: one schema per service. */
  readonly schema: string;
  /** Known event types and their upcasters. Without one, any type is accepted and read as stored. */
  readonly registry?: EventRegistry;
  /** Batch concurrent appends into shared transactions (default on). `false` writes each on its own. */
  readonly groupCommit?: Partial<GroupCommitOptions> | false;
  readonly maxEventBytes?: number;
  /**
   * Send NOTIFY after each write so log readers wake at once (default on). Its payload is the writing transaction's
   * id: a reader whose checkpoint reached it has seen every write announced so far.
   */
  readonly notify?: boolean;
}

/** What every global-log row carries: its place in the log. */
export interface GlobalLogRow {
  global_position: string;
  /** The xid8 as text: JavaScript has no 64-bit integer column type. */
  transaction_id_text: string;
}

export interface EventRow extends GlobalLogRow {
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

const COLUMNS = `global_position, transaction_id::text AS transaction_id_text, stream_id, stream_version, event_id,
                 type, schema_version, data, metadata, recorded_at`;

/** The channel on which a schema's store announces new events. */
export function notifyChannel(schema: string): string {
  return `serviceops_events_${schema}`;
}

/**
 * A service's event store in its own PostgreSQL schema: streams with optimistic concurrency, a global
 * log that never skips a late-committing transaction, snapshots and upcasting.
 */
export class PostgresEventStore {
  readonly schema: string;
  private readonly table: string;
  private readonly committer: GroupCommitter | undefined;
  private readonly maxEventBytes: number;
  private readonly channel: string | undefined;

  constructor(private readonly options: EventStoreOptions) {
    this.schema = assertSchemaName(options.schema);
    this.table = `"${this.schema}".events`;
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.channel = options.notify === false ? undefined : notifyChannel(this.schema);
    this.committer =
      options.groupCommit === false
        ? undefined
        : new GroupCommitter({ ...DEFAULT_GROUP_COMMIT, ...options.groupCommit }, (batch) =>
            this.writeBatch(batch),
          );
  }

  get pool(): Pool {
    return this.options.pool;
  }

  /** Creates or upgrades the schema's tables. Safe to call from every replica at boot. */
  async migrate(): Promise<void> {
    await migrate(this.options.pool, this.schema, EVENT_STORE_MIGRATIONS);
  }

  /**
   * Appends events to a stream atomically: all of them or none. Throws WrongExpectedVersionError when
   * the stream is not at `expectedVersion`, and a typed error for bad input before touching the database.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const request = this.prepare(streamId, events, options);
    const outcome = this.committer
      ? await this.committer.submit(request)
      : (await this.writeBatch([request]))[0];
    if (!outcome) throw new Error('append produced no outcome');
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }

  /**
   * Appends inside the caller's open transaction (a consumer's effect, a process manager), so the events
   * commit or roll back with the rest of its work. A conflict aborts the caller's transaction.
   */
  async appendWith(
    client: PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const request = this.prepare(streamId, events, options);
    await flushOnCommit(client); // others act on these events: their commit is durable before they can
    try {
      const [outcome] = await appendBatch(client, this.table, [request], this.channel);
      if (!outcome) throw new Error('append produced no outcome');
      if (!outcome.ok) throw outcome.error;
      return outcome.result;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflictError(err, request, -1);
      throw err;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    assertStreamId(streamId);
    const from = options.fromVersion ?? 1;
    const to = options.toVersion ?? 2_147_483_647;
    const limit = options.maxCount ?? null;
    const on: Pool | PoolClient = options.client ?? this.options.pool;
    const { rows } = await on.query<EventRow>({
      ...prepared(`SELECT ${COLUMNS} FROM ${this.table}
        WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3
          AND ($4::timestamptz IS NULL OR recorded_at <= $4::timestamptz)
        ORDER BY stream_version
        LIMIT $5`),
      values: [streamId, from, to, options.asOf ?? null, limit],
    });
    const events = rows.map((r) => this.toEvent(r));
    const last = events[events.length - 1];
    let exists = last !== undefined;
    if (!exists && from > 1) {
      const probe = await on.query(`SELECT 1 FROM ${this.table} WHERE stream_id = $1 LIMIT 1`, [streamId]);
      exists = (probe.rowCount ?? 0) > 0;
    }
    return { streamId, events, version: last?.streamVersion ?? 0, exists };
  }

  /** The stream's current version, 0 when it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    assertStreamId(streamId);
    const { rows } = await this.options.pool.query<{ v: number }>(
      `SELECT stream_version AS v FROM ${this.table} WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      [streamId],
    );
    return rows[0]?.v ?? 0;
  }

  /**
   * Reads the global log after `after`, in (transaction id, position) order, and only events of
   * transactions older than every transaction still in flight. Sequence values are taken at insert and
   * commits land in any order; reading below the oldest open transaction means no event can ever commit
   * behind a checkpoint, so none is skipped. A rolled-back transaction leaves a gap that is simply passed.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const { rows, checkpoint } = await this.readAllRows<EventRow>(COLUMNS, options);
    return { events: rows.map((r) => this.toEvent(r)), checkpoint };
  }

  /**
   * The global-log read of `readAll` with other columns: for readers that want rows in another shape
   * (the relay selects ready-made Kafka envelopes). `columns` must include `global_position` and
   * `transaction_id::text AS transaction_id_text`.
   */
  async readAllRows<Row extends GlobalLogRow>(
    columns: string,
    options: ReadAllOptions = {},
  ): Promise<{ rows: Row[]; checkpoint: Checkpoint }> {
    const after = options.after ?? START;
    const { rows } = await this.options.pool.query<Row>({
      ...prepared(readAllSql(this.table, columns)),
      values: [after.transactionId.toString(), after.position.toString(), options.limit ?? 1000],
    });
    const last = rows[rows.length - 1];
    const checkpoint: Checkpoint = last
      ? { transactionId: BigInt(last.transaction_id_text), position: BigInt(last.global_position) }
      : after;
    return { rows, checkpoint };
  }

  /** The events of one stream folded into a state, starting from the latest matching snapshot. */
  async aggregate<State>(
    streamId: string,
    evolve: (state: State, event: RecordedEvent) => State,
    initialState: () => State,
    snapshot?: { type: string; schemaVersion: number; every: number },
  ): Promise<{ state: State; version: number }> {
    const snap = snapshot ? await this.loadSnapshot<State>(streamId) : undefined;
    const usable =
      snap && snapshot && snap.type === snapshot.type && snap.schemaVersion === snapshot.schemaVersion;
    let state = usable ? snap.state : initialState();
    const from = usable ? snap.version + 1 : 1;
    const { events } = await this.readStream(streamId, { fromVersion: from });
    for (const event of events) state = evolve(state, event);
    const version = events[events.length - 1]?.streamVersion ?? from - 1;
    if (snapshot && events.length >= snapshot.every) {
      await this.saveSnapshot({
        streamId,
        version,
        type: snapshot.type,
        schemaVersion: snapshot.schemaVersion,
        state,
      });
    }
    return { state, version };
  }

  async saveSnapshot<State>(snapshot: Snapshot<State>): Promise<void> {
    assertStreamId(snapshot.streamId);
    const state = toJson(snapshot.state, 'snapshot.state');
    await this.options.pool.query(
      `INSERT INTO "${this.schema}".snapshots (stream_id, stream_version, snapshot_type, schema_version, state)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (stream_id) DO UPDATE
         SET stream_version = EXCLUDED.stream_version, snapshot_type = EXCLUDED.snapshot_type,
             schema_version = EXCLUDED.schema_version, state = EXCLUDED.state, taken_at = now()
       WHERE "${this.schema}".snapshots.stream_version <= EXCLUDED.stream_version`,
      [snapshot.streamId, snapshot.version, snapshot.type, snapshot.schemaVersion, state],
    );
  }

  async loadSnapshot<State>(streamId: string): Promise<Snapshot<State> | undefined> {
    assertStreamId(streamId);
    const { rows } = await this.options.pool.query<{
      stream_version: number;
      snapshot_type: string;
      schema_version: number;
      state: State;
    }>(
      `SELECT stream_version, snapshot_type, schema_version, state FROM "${this.schema}".snapshots WHERE stream_id = $1`,
      [streamId],
    );
    const row = rows[0];
    return row
      ? {
          streamId,
          version: row.stream_version,
          type: row.snapshot_type,
          schemaVersion: row.schema_version,
          state: row.state,
        }
      : undefined;
  }

  /** A stored row as an event, upcast to the current schema when the store has a registry. */
  toEvent(row: EventRow): RecordedEvent {
    const upcast = this.options.registry
      ? this.options.registry.upcast(row.type, row.schema_version, row.data)
      : { schemaVersion: row.schema_version, data: row.data };
    return {
      type: row.type,
      data: upcast.data,
      eventId: row.event_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      globalPosition: BigInt(row.global_position),
      transactionId: BigInt(row.transaction_id_text),
      schemaVersion: upcast.schemaVersion,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    };
  }

  private prepare(streamId: string, events: readonly NewEvent[], options: AppendOptions): AppendRequest {
    assertStreamId(streamId);
    const expected = options.expectedVersion === undefined ? 'any' : options.expectedVersion;
    assertExpectedVersion(expected);
    if (!Array.isArray(events)) throw new InvalidEventError('events must be an array');
    return {
      streamId,
      expected,
      events: prepareEvents(events, options.metadata, this.options.registry, this.maxEventBytes),
    };
  }

  /**
   * Writes a batch in one transaction. If another process wrote one of its streams meanwhile, the unique
   * constraint aborts it; then each append is retried in a transaction of its own so only the truly
   * conflicting ones fail.
   */
  private async writeBatch(batch: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    try {
      // One wave is one self-contained statement; several need a transaction around them.
      if (waves(batch).length === 1)
        return await appendBatch(this.options.pool, this.table, batch, this.channel);
      return await withTransaction(this.options.pool, (client) =>
        appendBatch(client, this.table, batch, this.channel),
      );
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (batch.length === 1) {
        const request = batch[0] as AppendRequest;
        return [
          { ok: false, error: conflictError(err, request, await this.streamVersion(request.streamId)) },
        ];
      }
      const outcomes: AppendOutcome[] = [];
      for (const request of batch) outcomes.push(...(await this.writeBatch([request])));
      return outcomes;
    }
  }
}

/** The global-log read: see PostgresEventStore.readAll. */
export function readAllSql(table: string, columns = COLUMNS): string {
  // Qualified names: a bare ORDER BY name would resolve to a same-named output column first.
  return `SELECT ${columns} FROM ${table} AS e
           WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
             AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY e.transaction_id, e.global_position
           LIMIT $3`;
}
