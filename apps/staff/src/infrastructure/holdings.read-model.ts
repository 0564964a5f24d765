import type { Pool, PoolClient } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Holdings } from '../domain/separation/separation.holdings';

/**
 * Who holds which order and which tool, from orders' published events (the handover checklist's "open orders"
 * and "borrowed tools"). One row per order: its holder and whether it is still open; an order's end seen before
 * its dispatch (another stream, so another partition on Kafka) is kept as an ended row with no holder, and the
 * late dispatch fills the holder without opening it again. One row per tool: its borrower and whether it is out.
 */
export class StaffHoldings1765100000000 implements MigrationInterface {
  name = 'StaffHoldings1765100000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE held_orders (
      tenant_id uuid NOT NULL, order_id uuid NOT NULL, staff_id uuid, open boolean NOT NULL,
      updated_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, order_id))`);
    await q.query(`CREATE INDEX held_orders_open ON held_orders (tenant_id, staff_id) WHERE open`);
    await q.query(`CREATE TABLE tools_out (
      tenant_id uuid NOT NULL, resource_id uuid NOT NULL, borrower_id uuid NOT NULL, out boolean NOT NULL,
      updated_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, resource_id))`);
    await q.query(`CREATE INDEX tools_out_borrower ON tools_out (tenant_id, borrower_id) WHERE out`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tools_out`);
    await q.query(`DROP TABLE held_orders`);
  }
}

type Db = Pool | PoolClient;

/** The order is dispatched to `staffId`: theirs (and no longer a previous holder's) unless it ended already. */
export async function orderDispatched(
  db: Db,
  tenantId: string,
  orderId: string,
  staffId: string,
  at: string,
): Promise<{ previous?: string }> {
  const { rows } = await db.query<{ staff_id: string | null }>(
    `SELECT staff_id FROM staff.held_orders WHERE tenant_id = $1 AND order_id = $2 FOR UPDATE`,
    [tenantId, orderId],
  );
  await db.query(
    `INSERT INTO staff.held_orders (tenant_id, order_id, staff_id, open, updated_at) VALUES ($1, $2, $3, true, $4)
     ON CONFLICT (tenant_id, order_id) DO UPDATE SET staff_id = EXCLUDED.staff_id, updated_at = EXCLUDED.updated_at`,
    [tenantId, orderId, staffId, at],
  );
  const previous = rows[0]?.staff_id;
  return previous && previous !== staffId ? { previous } : {};
}

/** The order ended (completed, closed, cancelled): nobody holds it. Answers its holder, when known. */
export async function orderEnded(
  db: Db,
  tenantId: string,
  orderId: string,
  at: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ staff_id: string | null }>(
    `INSERT INTO staff.held_orders (tenant_id, order_id, staff_id, open, updated_at) VALUES ($1, $2, NULL, false, $3)
     ON CONFLICT (tenant_id, order_id) DO UPDATE SET open = false, updated_at = EXCLUDED.updated_at
     RETURNING staff_id`,
    [tenantId, orderId, at],
  );
  return rows[0]?.staff_id ?? undefined;
}

/** A tool lent: out with its borrower. */
export async function toolLent(
  db: Db,
  tenantId: string,
  resourceId: string,
  borrowerId: string,
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO staff.tools_out (tenant_id, resource_id, borrower_id, out, updated_at) VALUES ($1, $2, $3, true, $4)
     ON CONFLICT (tenant_id, resource_id) DO UPDATE
       SET borrower_id = EXCLUDED.borrower_id, out = true, updated_at = EXCLUDED.updated_at`,
    [tenantId, resourceId, borrowerId, at],
  );
}

/** A tool back or lost and charged: no longer out with its borrower. */
export async function toolBack(
  db: Db,
  tenantId: string,
  resourceId: string,
  borrowerId: string,
  at: string,
): Promise<void> {
  await db.query(
    `UPDATE staff.tools_out SET out = false, updated_at = $4
     WHERE tenant_id = $1 AND resource_id = $2 AND borrower_id = $3`,
    [tenantId, resourceId, borrowerId, at],
  );
}

/**
 * Serializes the holdings of one person between the consumer and a separation's start: whichever comes second
 * sees the other's write (the consumer takes it in its transaction, the separation after its append committed).
 */
export async function lockHoldings(tx: PoolClient, tenantId: string, staffId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `staff-holdings:${tenantId}:${staffId}`,
  ]);
}

export async function holdingsOf(db: Db, tenantId: string, staffId: string): Promise<Holdings> {
  const { rows } = await db.query<{ open_orders: number; tools_out: number }>(
    `SELECT (SELECT count(*)::int FROM staff.held_orders WHERE tenant_id = $1 AND staff_id = $2 AND open) AS open_orders,
            (SELECT count(*)::int FROM staff.tools_out WHERE tenant_id = $1 AND borrower_id = $2 AND out) AS tools_out`,
    [tenantId, staffId],
  );
  return { openOrders: rows[0]?.open_orders ?? 0, toolsOut: rows[0]?.tools_out ?? 0 };
}
