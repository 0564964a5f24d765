import { Column, Entity, Index, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Login lookup, kept in step with the tenant streams in the append's transaction. */
@Entity({ name: 'accounts' })
@Index(['tenantId', 'username'], { unique: true })
export class AccountRow {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') username!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { array: true }) roles!: string[];
  @Column('boolean') disabled!: boolean;
}

@Entity({ name: 'tenants' })
export class TenantRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('integer') version!: number;
}

export class CreateAccounts1732300000000 implements MigrationInterface {
  name = 'CreateAccounts1732300000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE tenants (tenant_id uuid PRIMARY KEY, name text NOT NULL, version integer NOT NULL)`,
    );
    await q.query(`CREATE TABLE accounts (
      user_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, username text NOT NULL, password_hash text NOT NULL,
      roles text[] NOT NULL, disabled boolean NOT NULL, UNIQUE (tenant_id, username))`);
    await q.query(`CREATE INDEX accounts_username ON accounts (username)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accounts`);
    await q.query(`DROP TABLE tenants`);
  }
}
