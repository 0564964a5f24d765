import { createHash } from 'node:crypto';

export interface PreparedStatement {
  /** Named after the text, so that two texts never share a name on a connection. */
  readonly name: string;
  readonly text: string;
}

const named = new Map<string, PreparedStatement>();

/**
 * A statement PostgreSQL keeps prepared on each connection that runs it: parsed and planned once per connection
 * (a generic plan after five runs, when it is no worse) instead of on every call. For the statements that run
 * on every command or every read of the log, where planning cost as much as running them (pg_stat_statements
 * on the HTTP bench). Pass it to `query` with its values: `pool.query({ ...prepared(sql), values })`.
 */
export function prepared(text: string): PreparedStatement {
  let statement = named.get(text);
  if (!statement) {
    statement = { name: `so_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
    named.set(text, statement);
  }
  return statement;
}
