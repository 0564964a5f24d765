import { Column, Entity, Index, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The customer list (cursor-paginated), personal fields sealed as in the events. */
@Entity({ name: 'customer_list' })
@Index(['tenantId', 'registeredAt', 'customerId'])
export class CustomerListRow {
  @PrimaryColumn('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('integer') version!: number;
  @Column('text') channel!: string;
  @Column('uuid', { name: 'branch_id', nullable: true }) branchId!: string | null;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** What customers keeps of tenancy's events: the branches each tenant has. */
@Entity({ name: 'known_branches' })
export class KnownBranchRow {
  @PrimaryColumn('uuid', { name: 'branch_id' }) branchId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
}

export class CreateCustomerReadModels1732300000000 implements MigrationInterface {
  name = 'CreateCustomerReadModels1732300000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_keys (
      customer_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE customer_list (
      customer_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, version integer NOT NULL, channel text NOT NULL,
      branch_id uuid, name text NOT NULL, phone text, email text, notes text,
      registered_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX customer_list_page ON customer_list (tenant_id, registered_at, customer_id)`);
    await q.query(`CREATE TABLE known_branches (branch_id uuid PRIMARY KEY, tenant_id uuid NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_branches`);
    await q.query(`DROP TABLE customer_list`);
    await q.query(`DROP TABLE data_keys`);
  }
}
