import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lease's scheduled maintenance visits (issue 15 item 7): one row per contract and due day, from contracts'
 * ContractEntitlementsPublished (the contract's latest version), marked done by the first rental visit recorded
 * against it (its order and time). A visit order marks at most one row (the unique index), so a redelivered
 * RentalVisitRecorded marks nothing more.
 */
export class OrdersMaintenanceVisits1765400000740 implements MigrationInterface {
  name = 'OrdersMaintenanceVisits1765400000740';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE maintenance_visits (
      tenant_id uuid NOT NULL, contract_id uuid NOT NULL, due_on date NOT NULL, customer_id uuid NOT NULL,
      visit_order_id uuid, recorded_at timestamptz,
      PRIMARY KEY (tenant_id, contract_id, due_on),
      CHECK ((visit_order_id IS NULL) = (recorded_at IS NULL)))`);
    await q.query(
      `CREATE INDEX maintenance_visits_page ON maintenance_visits (tenant_id, due_on, contract_id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX maintenance_visits_order ON maintenance_visits (tenant_id, visit_order_id)
        WHERE visit_order_id IS NOT NULL`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE maintenance_visits`);
  }
}
