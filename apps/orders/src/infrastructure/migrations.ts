import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The orders service's tables (in its own schema): customers' data keys (requests' addresses are sealed with
 * them), what it keeps of other services' events (tenants' calendars, staff eligibility over time, contracts'
 * entitlements) and the order list, kept in step with the order streams in the append's transaction.
 */
export class OrdersTables1764800000000 implements MigrationInterface {
  name = 'OrdersTables1764800000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_keys (customer_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL)`);
    await q.query(`CREATE TABLE known_calendars (tenant_id uuid PRIMARY KEY, calendar jsonb NOT NULL)`);
    await q.query(`CREATE TABLE staff_eligibility (
      tenant_id uuid NOT NULL, staff_id uuid NOT NULL, since timestamptz NOT NULL, eligible boolean NOT NULL,
      reasons jsonb NOT NULL, PRIMARY KEY (tenant_id, staff_id, since))`);
    await q.query(`CREATE TABLE entitlements (
      tenant_id uuid NOT NULL, contract_id uuid NOT NULL, version integer NOT NULL, customer_id uuid NOT NULL,
      kind text NOT NULL, line text NOT NULL, effective_from text NOT NULL, end_date text NOT NULL,
      sessions_total integer, sessions_left integer, warranty jsonb, published_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, contract_id))`);
    await q.query(`CREATE TABLE order_list (
      order_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, version integer NOT NULL,
      status text NOT NULL, line text NOT NULL, kind text NOT NULL, service_type text NOT NULL, zone text NOT NULL,
      contract_id uuid, received_at timestamptz NOT NULL, arrival_hours numeric NOT NULL,
      staff_id uuid, slot_start timestamptz, slot_end timestamptz, dispatched_at timestamptz)`);
    await q.query(`CREATE INDEX order_list_page ON order_list (tenant_id, received_at, order_id)`);
    await q.query(`CREATE INDEX order_list_staff ON order_list (tenant_id, staff_id, slot_start)`);
    await q.query(`CREATE INDEX order_list_contract ON order_list (tenant_id, contract_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['order_list', 'entitlements', 'staff_eligibility', 'known_calendars', 'data_keys'])
      await q.query(`DROP TABLE ${t}`);
  }
}
