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
  /** active, merged, erased */
  @Column('text') status!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text', { nullable: true }) gender!: string | null;
  @Column('text', { name: 'birth_date', nullable: true }) birthDate!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text', { name: 'id_number', nullable: true }) idNumber!: string | null;
  /** [{ line, needs?, preferences? }], the texts sealed. */
  @Column('jsonb', { nullable: true }) needs!:
    { line: string; needs?: string; preferences?: string }[] | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  @Column('uuid', { name: 'merged_from', array: true }) mergedFrom!: string[];
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt!: Date | null;
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

/** A customer's timeline: what happened with them, in every part of the business (no personal data). */
@Entity({ name: 'customer_timeline' })
@Index(['customerId', 'at', 'eventId'])
export class TimelineRow {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') kind!: string;
  @Column('text') type!: string;
  @Column('text', { name: 'ref_id' }) refId!: string;
}

/** The whole customer file, blind indexes for finding customers by encrypted values, and the timeline. */
export class CustomerFile1763800000000 implements MigrationInterface {
  name = 'CustomerFile1763800000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_list
      ADD COLUMN status text NOT NULL DEFAULT 'active', ADD COLUMN gender text, ADD COLUMN birth_date text,
      ADD COLUMN address text, ADD COLUMN id_number text, ADD COLUMN needs jsonb, ADD COLUMN merged_into uuid,
      ADD COLUMN merged_from uuid[] NOT NULL DEFAULT '{}', ADD COLUMN erased_at timestamptz`);
    await q.query(`ALTER TABLE customer_list ALTER COLUMN name DROP NOT NULL`);
    await q.query(
      `CREATE INDEX customer_list_status ON customer_list (tenant_id, status, registered_at, customer_id)`,
    );
    await q.query(`CREATE TABLE customer_fingerprints (
      customer_id uuid NOT NULL, tenant_id uuid NOT NULL, kind text NOT NULL, digest bytea NOT NULL,
      PRIMARY KEY (customer_id, kind, digest))`);
    await q.query(
      `CREATE INDEX customer_fingerprints_lookup ON customer_fingerprints (tenant_id, kind, digest)`,
    );
    await q.query(`CREATE TABLE customer_timeline (
      event_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, at timestamptz NOT NULL,
      kind text NOT NULL, type text NOT NULL, ref_id text NOT NULL)`);
    await q.query(`CREATE INDEX customer_timeline_page ON customer_timeline (customer_id, at, event_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer_timeline`);
    await q.query(`DROP TABLE customer_fingerprints`);
    await q.query(`DROP INDEX customer_list_status`);
    await q.query(`ALTER TABLE customer_list DROP COLUMN status, DROP COLUMN gender, DROP COLUMN birth_date,
      DROP COLUMN address, DROP COLUMN id_number, DROP COLUMN needs, DROP COLUMN merged_into,
      DROP COLUMN merged_from, DROP COLUMN erased_at`);
  }
}

/** Inquiries, the work queues of open and overdue ones first: the subject sealed as in the events. */
@Entity({ name: 'inquiry_list' })
export class InquiryListRow {
  @PrimaryColumn('uuid', { name: 'inquiry_id' }) inquiryId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('integer') version!: number;
  /** open, overdue, answered, handed_off */
  @Column('text') status!: string;
  @Column('text') channel!: string;
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'reply_due_at', nullable: true }) replyDueAt!: Date | null;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column('boolean', { nullable: true }) late!: boolean | null;
  @Column('timestamptz', { name: 'overdue_at', nullable: true }) overdueAt!: Date | null;
  @Column('timestamptz', { name: 'handed_off_at', nullable: true }) handedOffAt!: Date | null;
  @Column('integer', { name: 'policy_version' }) policyVersion!: number;
}

/** Return visits (回访), due ones first when filtered by `dueBy`. No personal data. */
@Entity({ name: 'return_visit_list' })
export class ReturnVisitListRow {
  @PrimaryColumn('uuid', { name: 'visit_id' }) visitId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('integer') version!: number;
  /** scheduled, done, cancelled */
  @Column('text') status!: string;
  @Column('text') reason!: string;
  @Column('text', { name: 'due_on' }) dueOn!: string;
  @Column('text', { name: 'service_ref', nullable: true }) serviceRef!: string | null;
  @Column('timestamptz', { name: 'scheduled_at' }) scheduledAt!: Date;
  @Column('text', { nullable: true }) outcome!: string | null;
  @Column('text', { nullable: true }) satisfaction!: string | null;
  @Column('timestamptz', { name: 'recorded_at', nullable: true }) recordedAt!: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('integer', { name: 'policy_version' }) policyVersion!: number;
}

/** Inquiries, return visits, and what customers keeps of tenants' calendars. */
export class InquiriesAndVisits1763800000001 implements MigrationInterface {
  name = 'InquiriesAndVisits1763800000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE known_calendars (tenant_id uuid PRIMARY KEY, calendar jsonb NOT NULL)`);
    await q.query(`CREATE TABLE inquiry_list (
      inquiry_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, version integer NOT NULL,
      status text NOT NULL, channel text NOT NULL, subject text, received_at timestamptz NOT NULL,
      reply_due_at timestamptz, answered_at timestamptz, late boolean, overdue_at timestamptz,
      handed_off_at timestamptz, policy_version integer NOT NULL)`);
    await q.query(
      `CREATE INDEX inquiry_list_page ON inquiry_list (tenant_id, status, received_at, inquiry_id)`,
    );
    await q.query(`CREATE INDEX inquiry_list_customer ON inquiry_list (customer_id)`);
    await q.query(`CREATE TABLE return_visit_list (
      visit_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, customer_id uuid NOT NULL, version integer NOT NULL,
      status text NOT NULL, reason text NOT NULL, due_on text NOT NULL, service_ref text,
      scheduled_at timestamptz NOT NULL, outcome text, satisfaction text, recorded_at timestamptz,
      cancelled_at timestamptz, policy_version integer NOT NULL)`);
    await q.query(
      `CREATE INDEX return_visit_list_page ON return_visit_list (tenant_id, status, due_on, visit_id)`,
    );
    await q.query(`CREATE INDEX return_visit_list_customer ON return_visit_list (customer_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE return_visit_list`);
    await q.query(`DROP TABLE inquiry_list`);
    await q.query(`DROP TABLE known_calendars`);
  }
}

/**
 * Service references are sealed from now on (issue 11); rows of customers erased before kept theirs in clear,
 * where no key can reach them: forgotten here. Rows of customers still with us stay as they are.
 */
export class ForgetErasedServiceRefs1764700000000 implements MigrationInterface {
  name = 'ForgetErasedServiceRefs1764700000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE return_visit_list v SET service_ref = NULL
      WHERE service_ref IS NOT NULL AND NOT EXISTS (SELECT 1 FROM data_keys k WHERE k.customer_id = v.customer_id)`);
  }
  async down(): Promise<void> {
    // Forgotten for good.
  }
}

/**
 * The duplicate lookup walks a number's rows in customer order and stops at the first it shows (BlindIndex
 * `candidates`): the index that serves it replaces the one without the customer id.
 */
export class FingerprintsInCustomerOrder1764900000000 implements MigrationInterface {
  name = 'FingerprintsInCustomerOrder1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX customer_fingerprints_by_value ON customer_fingerprints (tenant_id, kind, digest, customer_id)`,
    );
    await q.query(`DROP INDEX customer_fingerprints_lookup`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX customer_fingerprints_lookup ON customer_fingerprints (tenant_id, kind, digest)`,
    );
    await q.query(`DROP INDEX customer_fingerprints_by_value`);
  }
}
