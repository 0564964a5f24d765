import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cancelled orders (issue 15, CancelOrder): when the order was cancelled, on the order list (kept in the append's
 * transaction: the dispatch queue and a person's load leave it out by its status) and on the order index (lists'
 * SLA state, daily reports' orders at risk: a cancelled order's SLA stops then).
 */
export class OrdersCancellation1764900000400 implements MigrationInterface {
  name = 'OrdersCancellation1764900000400';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_list ADD COLUMN cancelled_at timestamptz`);
    await q.query(`ALTER TABLE order_index ADD COLUMN cancelled_at timestamptz`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_index DROP COLUMN cancelled_at`);
    await q.query(`ALTER TABLE order_list DROP COLUMN cancelled_at`);
  }
}
