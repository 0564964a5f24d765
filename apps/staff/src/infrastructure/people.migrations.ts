import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's data key (a candidate's, a staff member's), wrapped by MASTER_KEY: the customers service's
 * cipher (libs/platform personal-data-cipher) keeps staff keys here. Deleting a row shreds that person's data.
 */
export class StaffDataKeys1764800000000 implements MigrationInterface {
  name = 'StaffDataKeys1764800000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS data_keys (
      person_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_keys`);
  }
}

/** The staff and candidate lists (cursor-paginated), personal fields sealed as in the events. */
export class StaffPeopleLists1764800000001 implements MigrationInterface {
  name = 'StaffPeopleLists1764800000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_list (
      staff_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, version integer NOT NULL, role text NOT NULL,
      branch_id uuid NOT NULL, business_line text NOT NULL, name text NOT NULL, phone text NOT NULL,
      daily_pay_amount bigint NOT NULL, daily_pay_currency text NOT NULL, separation text,
      hired_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX staff_list_page ON staff_list (tenant_id, hired_at DESC, staff_id DESC)`);
    await q.query(`CREATE TABLE candidate_list (
      candidate_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, version integer NOT NULL, posting_id uuid NOT NULL,
      role text NOT NULL, branch_id uuid NOT NULL, business_line text NOT NULL, status text NOT NULL,
      next_step text, name text NOT NULL, phone text NOT NULL, applied_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`);
    await q.query(
      `CREATE INDEX candidate_list_page ON candidate_list (tenant_id, applied_at DESC, candidate_id DESC)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE candidate_list`);
    await q.query(`DROP TABLE staff_list`);
  }
}

/** When a staff member's personal data was erased (StaffMemberErased): the list shows it, name and phone emptied. */
export class StaffListErasedAt1765000000000 implements MigrationInterface {
  name = 'StaffListErasedAt1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_list ADD COLUMN IF NOT EXISTS erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_list DROP COLUMN erased_at`);
  }
}

/**
 * Who was erased (written in the erasure's transaction, with the key's destruction): a later write about the
 * person (a conduct record, a leave) must not make them a fresh key and start their personal data again.
 */
export class StaffErasedPeople1765000000001 implements MigrationInterface {
  name = 'StaffErasedPeople1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS erased_people (
      person_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erased_people`);
  }
}

/** When a separated staff member left (StaffMemberLeft): the list shows it. Filled from the events on replay. */
export class StaffListLeftAt1765200000000 implements MigrationInterface {
  name = 'StaffListLeftAt1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_list ADD COLUMN IF NOT EXISTS left_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_list DROP COLUMN left_at`);
  }
}
