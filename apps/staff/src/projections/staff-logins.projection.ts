import type { TenancyLoginsPublishedEvent } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';

export const STAFF_LOGINS_CONSUMER = 'staff-staff-logins';

/** The published events this projection reads, by type (libs/contracts events/tenancy-logins.events.ts). */
type Published<T extends TenancyLoginsPublishedEvent['type']> = Extract<
  TenancyLoginsPublishedEvent,
  { type: T }
>['data'];

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Which user is which staff member, so attendance can tell a person clocking in for themselves from someone
 * clocking for another: tenancy's `StaffLoginCreated` (the login made at hire) and `UserLinkedToStaff` link a user,
 * `UserUnlinkedFromStaff` unlinks it. All are in the tenant's one stream, so its stream version orders them: a
 * user's row takes an event only if it is newer than the one that last set it. A redelivery (the inbox counts it
 * once anyway), a replay from the start and a late older event therefore leave the same rows; an unlink stays as a
 * row (`unlinked_at`) so that a late link from before it is recognised as older.
 */
export async function projectStaffLogins(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  switch (event.type) {
    case 'StaffLoginCreated': {
      const { userId, staffId, createdAt } = event.data as Partial<Published<'StaffLoginCreated'>>;
      if (str(userId) && str(staffId)) await link(tx, tenantId, event, userId, staffId, createdAt);
      return;
    }
    case 'UserLinkedToStaff': {
      const { userId, staffId, linkedAt } = event.data as Partial<Published<'UserLinkedToStaff'>>;
      if (str(userId) && str(staffId)) await link(tx, tenantId, event, userId, staffId, linkedAt);
      return;
    }
    case 'UserUnlinkedFromStaff': {
      const { userId, staffId, unlinkedAt } = event.data as Partial<Published<'UserUnlinkedFromStaff'>>;
      if (!str(userId) || !str(staffId)) return;
      await tx.query(
        `INSERT INTO staff.staff_logins (tenant_id, user_id, staff_id, linked_at, unlinked_at, stream_version)
         VALUES ($1, $2, $3, NULL, $4, $5)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET staff_id = EXCLUDED.staff_id,
           unlinked_at = EXCLUDED.unlinked_at, stream_version = EXCLUDED.stream_version
         WHERE staff_logins.stream_version < EXCLUDED.stream_version`,
        [tenantId, userId, staffId, unlinkedAt ?? event.recordedAt, event.streamVersion],
      );
      return;
    }
    default:
      return;
  }
}

async function link(
  tx: PoolClient,
  tenantId: string,
  event: DeliveredEvent,
  userId: string,
  staffId: string,
  at: string | undefined,
): Promise<void> {
  await tx.query(
    `INSERT INTO staff.staff_logins (tenant_id, user_id, staff_id, linked_at, unlinked_at, stream_version)
     VALUES ($1, $2, $3, $4, NULL, $5)
     ON CONFLICT (tenant_id, user_id) DO UPDATE SET staff_id = EXCLUDED.staff_id, linked_at = EXCLUDED.linked_at,
       unlinked_at = NULL, stream_version = EXCLUDED.stream_version
     WHERE staff_logins.stream_version < EXCLUDED.stream_version`,
    [tenantId, userId, staffId, at ?? event.recordedAt, event.streamVersion],
  );
}
