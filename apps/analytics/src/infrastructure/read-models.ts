import { Column, Entity, Index, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

@Entity({ name: 'customer_stats' })
export class CustomerStatsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text') channel!: string;
  @Column('bigint') customers!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One row per event of any service: who did what to which record, when, on whose behalf, why. */
@Entity({ name: 'audit_trail' })
@Index(['tenantId', 'entity', 'entityId', 'at'])
export class AuditRow {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('bigint') seq!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') service!: string;
  @Column('text') entity!: string;
  @Column('text', { name: 'entity_id' }) entityId!: string;
  @Column('integer') version!: number;
  @Column('text') type!: string;
  @Column('timestamptz') at!: Date;
  @Column('text', { name: 'actor_id' }) actorId!: string;
  @Column('text', { name: 'on_behalf_of', nullable: true }) onBehalfOf!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'correlation_id', nullable: true }) correlationId!: string | null;
  @Column('text', { array: true }) fields!: string[];
}

export class CreateAnalyticsReadModels1732300000000 implements MigrationInterface {
  name = 'CreateAnalyticsReadModels1732300000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE customer_stats (
      tenant_id uuid NOT NULL, channel text NOT NULL, customers bigint NOT NULL, updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, channel))`);
    await q.query(`CREATE TABLE audit_trail (
      event_id uuid PRIMARY KEY, seq bigserial UNIQUE, tenant_id uuid NOT NULL, service text NOT NULL,
      entity text NOT NULL, entity_id text NOT NULL, version integer NOT NULL, type text NOT NULL,
      at timestamptz NOT NULL, actor_id text NOT NULL, on_behalf_of text, reason text, correlation_id text,
      fields text[] NOT NULL)`);
    await q.query(`CREATE INDEX audit_trail_entity ON audit_trail (tenant_id, entity, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_trail_tenant ON audit_trail (tenant_id, seq)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_trail`);
    await q.query(`DROP TABLE customer_stats`);
  }
}
