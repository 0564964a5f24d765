import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { recordStaffMember } from '../infrastructure/staff-members';

export const STAFF_MEMBERS_CONSUMER = 'tenancy-staff-members';

/**
 * Staff's `StaffMemberHired`, `StaffMemberLeft` and `StaffRoleChanged` → `tenancy.staff_members`, which a link of
 * a user to a staff member checks (exists in this tenant, has not left). Idempotent: every write is an upsert
 * that only moves forward (left stays left, the version only grows), so redelivery and replay give the same rows.
 */
export async function staffMembersProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  await recordStaffMember(tx, tenantId, event);
}
