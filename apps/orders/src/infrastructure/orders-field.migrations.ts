import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables of companion chat, the order index and daily reports (issue 15 items 8–11), in the orders schema:
 * - chat_queue and chat_companions are kept in step with the chat streams in the append's transaction (allocation
 *   reads them to pick; the streams decide);
 * - order_index is a projection of orders' own events (lists, filters, daily reports), rebuildable from zero.
 */
export class OrdersFieldTables1764900000200 implements MigrationInterface {
  name = 'OrdersFieldTables1764900000200';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE chat_queue (
      session_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, line text NOT NULL, branch_id text NOT NULL,
      status text NOT NULL, queued_at timestamptz NOT NULL, companion_id uuid)`);
    await q.query(
      `CREATE INDEX chat_queue_waiting ON chat_queue (tenant_id, line, branch_id, queued_at, session_id)
         WHERE status = 'waiting'`,
    );
    await q.query(`CREATE TABLE chat_companions (
      tenant_id uuid NOT NULL, staff_id uuid NOT NULL, line text NOT NULL, branch_id text NOT NULL,
      capacity integer NOT NULL, active integer NOT NULL, idle_since timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, staff_id))`);
    await q.query(`CREATE TABLE order_index (
      order_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, version integer NOT NULL, status text NOT NULL,
      customer_id uuid NOT NULL, line text NOT NULL, kind text NOT NULL, service_type text NOT NULL,
      zone text NOT NULL, received_at timestamptz NOT NULL, wanted_at timestamptz NOT NULL,
      arrival_hours numeric NOT NULL, staff_id uuid, resource_id uuid, slot_start timestamptz,
      slot_end timestamptz, dispatched_at timestamptz, started_at timestamptz, completed_at timestamptz,
      hours numeric, duration_minutes integer)`);
    await q.query(
      `CREATE INDEX order_index_page ON order_index (tenant_id, received_at DESC, order_id DESC)`,
    );
    await q.query(`CREATE INDEX order_index_done ON order_index (tenant_id, completed_at)`);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['order_index', 'chat_companions', 'chat_queue']) await q.query(`DROP TABLE ${t}`);
  }
}
