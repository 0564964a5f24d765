import type { Pool } from 'pg';

/** The staff member a user of the tenant is (tenancy linked them at hiring), or null. */
export async function staffOfUser(pool: Pool, tenantId: string, userId: string): Promise<string | null> {
  const { rows } = await pool.query<{ staff_id: string }>(
    `SELECT staff_id FROM staff.staff_logins WHERE tenant_id = $1 AND user_id::text = $2`,
    [tenantId, userId],
  );
  return rows[0]?.staff_id ?? null;
}
