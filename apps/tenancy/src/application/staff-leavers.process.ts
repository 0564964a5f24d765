import type { StaffMemberLeftV1 } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { ProblemError } from '@serviceops/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { recordStaffMember } from '../infrastructure/staff-members';
import type { TenantStream } from './tenant-stream';

export const STAFF_LEAVERS_CONSUMER = 'tenancy-staff-leavers';

/**
 * Staff's `StaffMemberLeft` → the staff member's login (made at hire, or a user an admin linked) closed (CloseStaffLogin): the user disabled, its token
 * version bumped (its access tokens refused at once), its pending invitation dropped, and `StaffLoginClosed` in
 * the tenant's stream. Idempotent by the stream: the tenant records each staff member's closed login, so a
 * redelivered leave (or one whose offset was not committed after the append) adds nothing. A tenant that is gone
 * cannot take it: logged by ids and left, not retried for ever.
 */
export function staffLeaversProcess(stream: TenantStream, pool: Pool, logger: Logger) {
  return async (event: DeliveredEvent): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId || event.type !== 'StaffMemberLeft') return;
    const left = event.data as StaffMemberLeftV1;
    const call = {
      tenantId,
      actorId: 'system:staff-leavers',
      roles: [],
      correlationId: String(event.metadata.correlationId ?? event.eventId),
    };
    // The leave reaches the staff members read model (committed) before the close: a link of a user to this
    // person in flight either commits first (its row lock makes this wait) and is closed below, or is refused.
    await recordStaffMember(pool, tenantId, event);
    try {
      await stream.execute(call, {
        type: 'CloseStaffLogin',
        data: { tenantId, staffId: left.staffId, lastDay: left.lastDay },
      });
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof ProblemError)) throw error;
      logger.warn({ tenantId, staffId: left.staffId, code: error.code }, 'staff leave not taken');
    }
  };
}
