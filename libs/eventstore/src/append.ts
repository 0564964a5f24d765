import type { Pool, PoolClient } from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import type { AppendResult, ExpectedVersion } from './types';
import { prepared } from './prepared';
import type { PreparedEvent } from './validation';

/** One append waiting to be written: a stream, its checked events, what the writer expects. */
export interface AppendRequest {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly PreparedEvent[];
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/**
 * Splits a batch into waves in which each stream appears at most once, keeping each stream's appends in
 * order: the second append to a stream goes into the second wave, and so on.
 */
export function waves(requests: readonly AppendRequest[]): { index: number; request: AppendRequest }[][] {
  const result: { index: number; request: AppendRequest }[][] = [];
  const seen = new Map<string, number>();
  requests.forEach((request, index) => {
    const wave = seen.get(request.streamId) ?? 0;
    seen.set(request.streamId, wave + 1);
    (result[wave] ??= []).push({ index, request });
  });
  return result;
}

interface WaveRow {
  i: number;
  v: number;
  first: string | null;
  last: string | null;
  tx: string | null;
}

/**
 * One statement writes a whole wave: it reads each stream's version, keeps the appends whose expectation
 * holds, inserts their events and reports per append. A refused append writes nothing and leaves the
 * others be. Run on its own, the statement is its own transaction: one round trip per append or batch.
 */
function waveSql(table: string, notify: boolean): string {
  return `
    WITH req AS (
      SELECT * FROM json_to_recordset($1::json) AS r(i int, stream_id text, expected text)
    ), cur AS (
      SELECT req.*, coalesce((SELECT e.stream_version FROM ${table} e WHERE e.stream_id = req.stream_id
                               ORDER BY e.stream_version DESC LIMIT 1), 0) AS v
        FROM req
    ), ok AS (
      SELECT * FROM cur
       WHERE CASE expected WHEN 'any' THEN true
                           WHEN 'no_stream' THEN v = 0
                           WHEN 'stream_exists' THEN v > 0
                           ELSE v = expected::int END
    ), ins AS (
      INSERT INTO ${table} (stream_id, stream_version, event_id, type, schema_version, data, metadata)
      SELECT ok.stream_id, ok.v + ev.k, ev.event_id, ev.type, ev.schema_version, ev.data, ev.metadata
        FROM json_to_recordset($2::json)
             AS ev(i int, k int, event_id uuid, type text, schema_version int, data jsonb, metadata jsonb)
        JOIN ok ON ok.i = ev.i
       ORDER BY ev.i, ev.k
      RETURNING stream_id, global_position, transaction_id
    )
    SELECT cur.i, cur.v, min(ins.global_position)::text AS first, max(ins.global_position)::text AS last,
           min(ins.transaction_id::text) AS tx
           ${notify ? ', (SELECT pg_notify($3, pg_current_xact_id()::text)::text) AS notified' : ''}
      FROM cur LEFT JOIN ins ON ins.stream_id = cur.stream_id
     GROUP BY cur.i, cur.v`;
}

/**
 * Writes appends with `client`: inside the caller's transaction when it has one open, or, when the batch
 * is a single wave, as one self-contained statement. Appends to one stream within a batch see each other
 * in order. A concurrent writer elsewhere still trips the unique (stream_id, stream_version) constraint,
 * which fails the statement: the caller then retries the appends one by one.
 */
export async function appendBatch(
  client: Pool | PoolClient,
  table: string,
  requests: readonly AppendRequest[],
  notifyChannel?: string,
): Promise<AppendOutcome[]> {
  const outcomes = new Array<AppendOutcome>(requests.length);
  const statement = prepared(waveSql(table, notifyChannel !== undefined));
  for (const wave of waves(requests)) {
    const req: string[] = [];
    const events: string[] = [];
    wave.forEach(({ request }, i) => {
      req.push(JSON.stringify({ i, stream_id: request.streamId, expected: String(request.expected) }));
      request.events.forEach((e, k) => {
        // data and metadata are checked JSON text already: spliced in, not encoded twice
        events.push(
          `{"i":${i},"k":${k + 1},"event_id":"${e.eventId}","type":${JSON.stringify(e.type)},` +
            `"schema_version":${e.schemaVersion},"data":${e.data},"metadata":${e.metadata}}`,
        );
      });
    });
    const params: unknown[] = [`[${req.join(',')}]`, `[${events.join(',')}]`];
    if (notifyChannel !== undefined) params.push(notifyChannel);
    const { rows } = await client.query<WaveRow>({ ...statement, values: params });
    for (const row of rows) {
      const { index, request } = wave[row.i] as { index: number; request: AppendRequest };
      outcomes[index] =
        row.first === null || row.last === null || row.tx === null
          ? { ok: false, error: new WrongExpectedVersionError(request.streamId, request.expected, row.v) }
          : {
              ok: true,
              result: {
                streamId: request.streamId,
                nextExpectedVersion: row.v + request.events.length,
                firstPosition: BigInt(row.first),
                lastPosition: BigInt(row.last),
                transactionId: BigInt(row.tx),
              },
            };
    }
  }
  return outcomes;
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

export function isUniqueViolation(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && (err as PgError).code === '23505';
}

/** Turns a unique violation on the events table into the store's own error. */
export function conflictError(err: PgError, request: AppendRequest, actual: number): Error {
  if (err.constraint === 'events_event_id_uq') {
    const id = /\(event_id\)=\(([^)]+)\)/.exec(err.detail ?? '')?.[1] ?? 'unknown';
    return new DuplicateEventIdError(id);
  }
  return new WrongExpectedVersionError(request.streamId, request.expected, actual);
}
