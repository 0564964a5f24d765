import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rental visit or return refers to its lease (issue 15): the order list keeps the lease's contract, written with
 * the registration, so the unit's rental records and the customer's orders under a lease are found by it.
 */
export class OrdersLeaseOfOrder1764900000500 implements MigrationInterface {
  name = 'OrdersLeaseOfOrder1764900000500';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_list ADD COLUMN lease_contract_id uuid`);
    await q.query(
      `CREATE INDEX order_list_lease ON order_list (tenant_id, lease_contract_id) WHERE lease_contract_id IS NOT NULL`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX order_list_lease`);
    await q.query(`ALTER TABLE order_list DROP COLUMN lease_contract_id`);
  }
}
