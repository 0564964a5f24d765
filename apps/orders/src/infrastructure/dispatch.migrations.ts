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
