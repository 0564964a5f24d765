import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resource list (issue 15 item 2): one row per resource, kept in step with its stream in the append's
 * transaction, for the filtered and paged list (kind, state, papers ending before a day).
 */
export class OrdersResources1764900000000 implements MigrationInterface {
  name = 'OrdersResources1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE resource_list (
      resource_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, version integer NOT NULL, kind text NOT NULL,
      state text NOT NULL, inspection_valid_to date, insurance_valid_to date, registered_at timestamptz NOT NULL)`);
    await q.query(
      `CREATE INDEX resource_list_page ON resource_list (tenant_id, registered_at DESC, resource_id DESC)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource_list`);
  }
}
