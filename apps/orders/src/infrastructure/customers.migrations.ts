import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What orders knows of customers (issue 11), from customers' events: whether each is active, merged into another
 * or erased. No personal data: ids, the tenant, a status and dates. Filled from the first customers event on by
 * its consumer (a new consumer reads the customers log from the start), so customers registered before this
 * table existed are known too.
 */
export class OrdersKnownCustomers1764900000600 implements MigrationInterface {
  name = 'OrdersKnownCustomers1764900000600';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE known_customers (
      customer_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, status text NOT NULL, survivor_id uuid,
      erased_at timestamptz)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_customers`);
  }
}
