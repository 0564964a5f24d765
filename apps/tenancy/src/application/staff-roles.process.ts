import type { StaffRoleChangedV1 } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { ProblemError } from '@serviceops/platform';
import type { Logger } from 'pino';
import type { TenantStream } from './tenant-stream';

/**
 * Staff's `StaffRoleChanged` → the login made at hire takes the new role (FollowStaffRole): `UserRolesChanged`
 * (its tokens revoked, the accounts row updated in the append's transaction) and `StaffLoginRolesFollowed`. It runs
 * in the `tenancy-staff-logins` consumer, after `staffLoginsProcess`: that consumer sees a staff member's events in
 * their stream's order, so a change made soon after the hire is taken once the login it created exists (a consumer
 * of its own could see the change first, find no login, and lose it). Idempotent by the stream: the tenant records the staff member's stream version it followed, so a redelivered
 * change, or an older one delivered after a newer, changes nothing. A refusal (a gone tenant, the last admin) is
 * logged by ids and left, not retried for ever.
 */
export function staffRolesProcess(stream: TenantStream, logger: Logger) {
  return async (event: DeliveredEvent): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId || event.type !== 'StaffRoleChanged') return;
    const changed = event.data as StaffRoleChangedV1;
    const call = {
      tenantId,
      actorId: 'system:staff-roles',
      roles: [],
      correlationId: String(event.metadata.correlationId ?? event.eventId),
    };
    try {
      await stream.execute(call, {
        type: 'FollowStaffRole',
        data: {
          tenantId,
          staffId: changed.staffId,
          from: changed.from,
          to: changed.to,
          staffVersion: event.streamVersion,
        },
      });
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof ProblemError)) throw error;
      logger.warn({ tenantId, staffId: changed.staffId, code: error.code }, 'staff role change not taken');
    }
  };
}
