import type { StaffLoginCreatedV1 } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';

export const STAFF_LOGINS_CONSUMER = 'staff-staff-logins';

/**
 * Tenancy's `StaffLoginCreated` → which user is which staff member, so attendance can tell a person clocking in
 * for themselves from someone clocking for another. Idempotent: the consumer's inbox counts a redelivery once,
 * and the first link of a user stays (ON CONFLICT DO NOTHING).
 */
export async function projectStaffLogins(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || event.type !== 'StaffLoginCreated') return;
  const { userId, staffId, createdAt } = event.data as Partial<StaffLoginCreatedV1>;
  if (typeof userId !== 'string' || typeof staffId !== 'string') return;
  await tx.query(
    `INSERT INTO staff.staff_logins (tenant_id, user_id, staff_id, linked_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, user_id) DO NOTHING`,
    [tenantId, userId, staffId, createdAt ?? event.recordedAt],
  );
}
