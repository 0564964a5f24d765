import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What orders keep of staff's availability (issue 15 item 3): one row per working slot or leave, the latest
 * change of it (a cancelled leave stays, inactive), written by the availability projection.
 */
export class OrdersStaffAvailability1764900000300 implements MigrationInterface {
  name = 'OrdersStaffAvailability1764900000300';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_availability (
      tenant_id uuid NOT NULL, interval_id uuid NOT NULL, staff_id uuid NOT NULL, kind text NOT NULL,
      from_at timestamptz NOT NULL, to_at timestamptz NOT NULL, active boolean NOT NULL,
      changed_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, interval_id))`);
    await q.query(
      `CREATE INDEX staff_availability_staff ON staff_availability (tenant_id, staff_id, from_at)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_availability`);
  }
}
