import type { Pool, PoolClient } from 'pg';

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
}

/**
 * Runs `work` in a transaction on a connection of its own: committed when it returns, rolled back when it
 * throws. A connection whose rollback failed is closed rather than returned to the pool.
 */
export async function withTransaction<T>(
  pool: Pool,
  work: (tx: PoolClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    if (options.flush === 'deferred') {
      await client.query('BEGIN; SET LOCAL synchronous_commit = off');
      deferred.add(client);
    } else await client.query('BEGIN');
    const result = await work(client);
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
