import type { Pool, PoolClient } from 'pg';

/** A package contract's sessions as contracts last published them: undefined when unknown, null when no package. */
export async function packageSessionsOf(
  pool: Pool,
  tenantId: string,
  contractId: string,
): Promise<number | null | undefined> {
  const { rows } = await pool.query<{ sessions_total: number | null }>(
    'SELECT sessions_total FROM orders.entitlements WHERE tenant_id = $1 AND contract_id = $2',
    [tenantId, contractId],
  );
  return rows.length === 0 ? undefined : (rows[0]?.sessions_total ?? null);
}

/**
 * The order list's status after a work order's events, in the append's transaction: a declined quote closes
 * the order (out of the dispatch queue), a completion ends it (out of the person's load).
 */
export async function keepWorkOrderRow(
  tx: PoolClient,
  orderId: string,
  events: readonly { type: string }[],
): Promise<void> {
  for (const e of events) {
    const status =
      e.type === 'QuoteDeclined' ? 'closed' : e.type === 'OrderCompleted' ? 'completed' : undefined;
    if (status)
      await tx.query('UPDATE orders.order_list SET status = $2 WHERE order_id = $1', [orderId, status]);
  }
}
