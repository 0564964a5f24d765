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
