import type { PoolClient } from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import type { AppendResult, ExpectedVersion } from './types';
import { versionMatches, type PreparedEvent } from './validation';

/** One append waiting to be written: a stream, its checked events, what the writer expects. */
export interface AppendRequest {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly PreparedEvent[];
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

interface InsertedRow {
  event_id: string;
  global_position: string;
  transaction_id: string;
}

/**
 * Writes several appends in the caller's open transaction: one query for the streams' versions, one
 * INSERT for every accepted event. Each append is checked against its own expected version (appends
 * to one stream within a batch see each other in order); a refused append writes nothing and leaves
 * the others be. A concurrent writer elsewhere still trips the unique (stream_id, stream_version)
 * constraint, which aborts the transaction: the caller retries the appends one by one.
 */
export async function appendInTransaction(
  client: PoolClient,
  table: string,
  requests: readonly AppendRequest[],
  notifyChannel?: string,
): Promise<AppendOutcome[]> {
  const streams = [...new Set(requests.map((r) => r.streamId))];
  const versions = new Map<string, number>();
  const { rows: current } = await client.query<{ stream_id: string; version: number | null }>(
    `SELECT s.id AS stream_id,
            (SELECT e.stream_version FROM ${table} e WHERE e.stream_id = s.id
              ORDER BY e.stream_version DESC LIMIT 1) AS version
       FROM unnest($1::text[]) AS s(id)`,
    [streams],
  );
  for (const row of current) versions.set(row.stream_id, row.version ?? 0);

  const outcomes: (AppendOutcome | { ok: true; pending: { streamId: string; from: number; to: number } })[] =
    [];
  const rows: unknown[] = [];
  for (const request of requests) {
    const actual = versions.get(request.streamId) ?? 0;
    if (!versionMatches(request.expected, actual)) {
      outcomes.push({
        ok: false,
        error: new WrongExpectedVersionError(request.streamId, request.expected, actual),
      });
      continue;
    }
    request.events.forEach((e, i) => {
      rows.push([request.streamId, actual + i + 1, e.eventId, e.type, e.schemaVersion, e.data, e.metadata]);
    });
    const to = actual + request.events.length;
    versions.set(request.streamId, to);
    outcomes.push({ ok: true, pending: { streamId: request.streamId, from: actual + 1, to } });
  }
  if (rows.length === 0) return outcomes as AppendOutcome[];

  // One JSON document carries every row: one round trip, whatever the batch size.
  const { rows: inserted } = await client.query<InsertedRow>(
    `INSERT INTO ${table} (stream_id, stream_version, event_id, type, schema_version, data, metadata)
     SELECT r->>0, (r->>1)::int, (r->>2)::uuid, r->>3, (r->>4)::int, (r->>5)::jsonb, (r->>6)::jsonb
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, ord)
      ORDER BY ord
     RETURNING event_id, global_position, transaction_id`,
    [JSON.stringify(rows)],
  );
  if (notifyChannel) await client.query(`SELECT pg_notify($1, '')`, [notifyChannel]);

  const positions = new Map(inserted.map((r) => [r.event_id, r]));
  return outcomes.map((outcome, i) => {
    if (!('pending' in outcome)) return outcome;
    const request = requests[i] as AppendRequest;
    const first = positions.get(request.events[0]?.eventId ?? '');
    const last = positions.get(request.events[request.events.length - 1]?.eventId ?? '');
    if (!first || !last) throw new Error(`append to ${request.streamId} lost its rows`);
    return {
      ok: true,
      result: {
        streamId: request.streamId,
        nextExpectedVersion: outcome.pending.to,
        firstPosition: BigInt(first.global_position),
        lastPosition: BigInt(last.global_position),
        transactionId: BigInt(first.transaction_id),
      },
    };
  });
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
