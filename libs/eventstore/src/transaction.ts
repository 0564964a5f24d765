import type { Pool, PoolClient, QueryResult } from 'pg';

/** Transactions whose commit does not wait for the WAL flush (see `withTransaction`'s `flush`). */
const deferred = new WeakSet<PoolClient>();

export interface TransactionOptions {
  /**
   * `deferred`: the commit returns before its WAL record is flushed (synchronous_commit off). Only for work that
   * is redone when lost: a log consumer's read-model effect committed with its checkpoint, where a crash loses
   * both together (the log is read again from the checkpoint) and never one without the other, since what
   * survives a crash is a prefix of the WAL. Events appended in such a transaction (`appendWith`) switch it back
   * to a flushed commit: others may act on them. Default `now`.
   */
  readonly flush?: 'now' | 'deferred';
  /**
   * A first statement sent in the same round trip as BEGIN (simple protocol: no parameters, values inlined with
   * `escapeLiteral`); `work` gets its result. Saves a round trip for work that always starts the same way.
   */
  readonly opening?: string;
}

/**
 * Runs `work` in a transaction on a connection of its own: committed when it returns, rolled back when it
 * throws. A connection whose rollback failed is closed rather than returned to the pool.
 */
export async function withTransaction<T>(
  pool: Pool,
  work: (tx: PoolClient, opened: QueryResult | undefined) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    const begin = options.flush === 'deferred' ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN';
    const results: unknown = await client.query(options.opening ? `${begin}; ${options.opening}` : begin);
    if (options.flush === 'deferred') deferred.add(client);
    // A simple query of several statements answers with one result each: the opening statement's is the last.
    const opened = options.opening ? lastResult(results) : undefined;
    const result = await work(client, opened);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    deferred.delete(client);
    client.release(broken);
  }
}

/** Makes the open transaction's commit wait for its WAL flush again, if it was opened with `flush: 'deferred'`. */
export async function flushOnCommit(client: PoolClient): Promise<void> {
  if (!deferred.delete(client)) return;
  await client.query('SET LOCAL synchronous_commit = on');
}

function lastResult(results: unknown): QueryResult {
  const last: unknown = Array.isArray(results) ? results.at(-1) : undefined;
  if (!last) throw new Error('a transaction opened with a statement got no result for it');
  return last as QueryResult;
}
