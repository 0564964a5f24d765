import { decodeCursor, keysetPage, limitOf } from '@serviceops/platform';
import type { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';

/** The columns a read model is paged by: a time, and the row's id to break ties. */
export interface PageKey<Row> {
  readonly at: { [K in keyof Row]: Row[K] extends Date ? K : never }[keyof Row] & string;
  readonly id: { [K in keyof Row]: Row[K] extends string ? K : never }[keyof Row] & string;
}

/**
 * A tenant's rows of a read model, newest first by `key`, one keyset page at a time: the contracts, proposals and
 * follow-ups lists page alike. `filter` narrows the query (its alias is `r`); the limit and the cursor are checked
 * (400) before it runs.
 */
export async function newestFirst<Row extends ObjectLiteral & { tenantId: string }>(
  rows: Repository<Row>,
  key: PageKey<Row>,
  tenantId: string,
  paging: { limit?: number; cursor?: string },
  filter: (query: SelectQueryBuilder<Row>) => void,
): Promise<{ page: Row[]; nextCursor?: string }> {
  const limit = limitOf(paging.limit);
  const after = paging.cursor ? decodeCursor(paging.cursor) : undefined;
  const query = rows
    .createQueryBuilder('r')
    .where('r.tenantId = :tenant', { tenant: tenantId })
    .orderBy(`r.${key.at}`, 'DESC')
    .addOrderBy(`r.${key.id}`, 'DESC')
    .limit(limit + 1);
  filter(query);
  if (after) query.andWhere(`(r.${key.at}, r.${key.id}) < (:at, :id)`, after);
  return keysetPage(await query.getMany(), limit, (r) => ({
    at: r[key.at],
    id: r[key.id],
  }));
}
