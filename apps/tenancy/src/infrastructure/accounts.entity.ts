import { Column, Entity, Index, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Login lookup, kept in step with the tenant streams in the append's transaction. */
@Entity({ name: 'accounts' })
@Index(['tenantId', 'username'], { unique: true })
export class AccountRow {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') username!: string;
  @Column('text', { array: true }) roles!: string[];
  @Column('boolean') disabled!: boolean;
}

/**
 * Password hashes, outside the event stream: events are published to every service (and Kafka), a hash has
 * no business there. Written in the same transaction as the event that registers the user or records the
 * change, so the two never disagree; not rebuildable from events, by design (like any secret store).
 */
@Entity({ name: 'credentials' })
export class CredentialRow {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('timestamptz', { name: 'changed_at' }) changedAt!: Date;
}

@Entity({ name: 'tenants' })
export class TenantRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('integer') version!: number;
  @Column('boolean') disabled!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'time_zone', nullable: true }) timeZone!: string | null;
}

export class CreateAccounts1732300000000 implements MigrationInterface {
  name = 'CreateAccounts1732300000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE tenants (tenant_id uuid PRIMARY KEY, name text NOT NULL, version integer NOT NULL)`,
    );
    await q.query(`CREATE TABLE accounts (
      user_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, username text NOT NULL,
      roles text[] NOT NULL, disabled boolean NOT NULL, UNIQUE (tenant_id, username))`);
    await q.query(`CREATE INDEX accounts_username ON accounts (username)`);
    await q.query(`CREATE TABLE credentials (
      user_id uuid PRIMARY KEY, password_hash text NOT NULL, changed_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credentials`);
    await q.query(`DROP TABLE accounts`);
    await q.query(`DROP TABLE tenants`);
  }
}

/**
 * Provisioning: a tenant's status for login and the operator's list, when it was created, its time zone, and its
 * name unique across tenants (case-insensitive; the index name is TENANT_NAME_INDEX).
 */
export class TenantLifecycle1767000000000 implements MigrationInterface {
  name = 'TenantLifecycle1767000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenants ADD COLUMN disabled boolean NOT NULL DEFAULT false,
      ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN time_zone text`);
    await q.query(`CREATE UNIQUE INDEX tenants_name_key ON tenants (lower(name))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tenants_name_key`);
    await q.query(`ALTER TABLE tenants DROP COLUMN time_zone, DROP COLUMN created_at, DROP COLUMN disabled`);
  }
}
