import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the conduct register needs to know of each person, kept from the staff service's own events
 * (StaffMemberHired, PayTermsChanged): their daily pay (for the ladder's "half a day's / a full day's pay") and
 * business line (for the line's rule pack). `stream_version` keeps a late redelivery from undoing a newer change.
 */
export class ConductStaffFacts1764800000000 implements MigrationInterface {
  name = 'ConductStaffFacts1764800000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE conduct_staff_facts (
      tenant_id uuid NOT NULL, staff_id uuid NOT NULL, business_line text, role text, branch_id uuid,
      daily_pay_amount integer, daily_pay_currency text, stream_version integer NOT NULL,
      updated_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, staff_id))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conduct_staff_facts`);
  }
}

/**
 * The facts an assessment scores, one row per fact: violations (removed when overturned), training attended /
 * missed and test scores (own events), and inspections, surveys and safety incidents (other services' events,
 * consumed by type). `fact_id` makes a redelivered or replayed event count once.
 */
export class AssessmentFacts1764800000001 implements MigrationInterface {
  name = 'AssessmentFacts1764800000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE assessment_facts (
      fact_id text PRIMARY KEY, tenant_id uuid NOT NULL, staff_id uuid NOT NULL, kind text NOT NULL,
      value double precision, ref text, occurred_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX assessment_facts_period ON assessment_facts (tenant_id, occurred_at)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_facts`);
  }
}

/** Violations across the tenant, for lists (newest recorded first, cursor-paginated); no evidence text. */
export class ConductViolationList1764800000002 implements MigrationInterface {
  name = 'ConductViolationList1764800000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE conduct_violations (
      violation_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, staff_id uuid NOT NULL, rule_id text NOT NULL,
      rules_version integer NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
      offence integer NOT NULL, fine_amount integer NOT NULL, fine_currency text NOT NULL,
      loss_amount integer, loss_currency text, appeal text)`);
    await q.query(
      `CREATE INDEX conduct_violations_page ON conduct_violations (tenant_id, recorded_at DESC, violation_id DESC)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conduct_violations`);
  }
}

/**
 * Which user is which staff member (tenancy's StaffLoginCreated): a clock-in or -out is the person's own when the
 * caller's user is linked to the shift's staff member. One row per user; a redelivery changes nothing.
 */
export class StaffLogins1764800000003 implements MigrationInterface {
  name = 'StaffLogins1764800000003';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_logins (
      tenant_id uuid NOT NULL, user_id uuid NOT NULL, staff_id uuid NOT NULL, linked_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, user_id))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_logins`);
  }
}

/**
 * Links and unlinks by hand (tenancy's UserLinkedToStaff / UserUnlinkedFromStaff, decision 55): each user's row
 * keeps the tenant stream version of the event that last set it, so a redelivered or late older event changes
 * nothing, and an unlink stays as a row (`unlinked_at`) for that comparison. A row unlinked before any link was
 * seen has no `linked_at`.
 */
export class StaffLoginsUnlinks1765300000000 implements MigrationInterface {
  name = 'StaffLoginsUnlinks1765300000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_logins ADD COLUMN stream_version integer NOT NULL DEFAULT 0,
      ADD COLUMN unlinked_at timestamptz, ALTER COLUMN linked_at DROP NOT NULL`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM staff_logins WHERE linked_at IS NULL`);
    await q.query(`ALTER TABLE staff_logins DROP COLUMN stream_version, DROP COLUMN unlinked_at,
      ALTER COLUMN linked_at SET NOT NULL`);
  }
}
