import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch by skill (issue 15 item 3): the role each person was hired into, from staff's StaffMemberHired (what
 * the dispatch policy's skill table is matched against).
 */
export class OrdersStaffRoles1764900000710 implements MigrationInterface {
  name = 'OrdersStaffRoles1764900000710';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_roles (
      tenant_id uuid NOT NULL, staff_id uuid NOT NULL, role text NOT NULL, PRIMARY KEY (tenant_id, staff_id))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_roles`);
  }
}

/**
 * The staff member's stream version each role was taken at: staff's StaffRoleChanged moves the role, and a hire
 * or an older change delivered late does not move it back.
 */
export class OrdersStaffRoleVersion1765200000720 implements MigrationInterface {
  name = 'OrdersStaffRoleVersion1765200000720';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE staff_roles ADD COLUMN IF NOT EXISTS staff_version integer NOT NULL DEFAULT 0`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_roles DROP COLUMN staff_version`);
  }
}

/**
 * The request kinds each person is skilled for, as staff recorded them (StaffSkillsSet), at the staff stream's
 * version: a list names the kinds (dispatch goes by it over the role's default); empty is a cleared one.
 */
export class OrdersStaffSkills1765300000730 implements MigrationInterface {
  name = 'OrdersStaffSkills1765300000730';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS staff_skills (
      tenant_id uuid NOT NULL, staff_id uuid NOT NULL, kinds text[] NOT NULL, staff_version integer NOT NULL,
      PRIMARY KEY (tenant_id, staff_id))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_skills`);
  }
}
