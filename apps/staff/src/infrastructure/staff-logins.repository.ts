import type { Pool } from 'pg';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The staff member a user of the tenant is (tenancy made the login at hiring, or an admin linked it), or null: not
 * linked, unlinked since, or the platform (`system:…`).
 */
export async function staffOfUser(pool: Pool, tenantId: string, userId: string): Promise<string | null> {
  if (!UUID.test(userId)) return null;
  const { rows } = await pool.query<{ staff_id: string }>(
    `SELECT staff_id FROM staff.staff_logins WHERE tenant_id = $1 AND user_id = $2 AND unlinked_at IS NULL`,
    [tenantId, userId],
  );
  return rows[0]?.staff_id ?? null;
}
