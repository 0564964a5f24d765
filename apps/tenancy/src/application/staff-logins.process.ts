import type { StaffLoginRequestedV1 } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { ProblemError } from '@serviceops/platform';
import type { Logger } from 'pino';
import type { TenantStream } from './tenant-stream';

export const STAFF_LOGINS_CONSUMER = 'tenancy-staff-logins';

/**
 * Staff's `StaffLoginRequested` → the user in the tenant's stream (CreateStaffLogin), published as
 * StaffLoginCreated or StaffLoginRefused. Idempotent by the stream: the tenant records each staff member's answer,
 * so a redelivered request (or one whose offset was not committed after the append) adds nothing. A tenant that
 * is disabled or gone cannot take it: the request is logged (by ids only) and left, not retried for ever.
 *
 * The login comes with no activation invitation: no token exists until an admin issues the first one with
 * `POST /users/{id}/invitation` and hands it over (there is no channel to the person here, and events never carry
 * a secret), so nothing made at hiring can leak.
 */
export function staffLoginsProcess(stream: TenantStream, logger: Logger) {
  return async (event: DeliveredEvent): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId || event.type !== 'StaffLoginRequested') return;
    const request = event.data as StaffLoginRequestedV1;
    const call = {
      tenantId,
      actorId: 'system:staff-logins',
      roles: [],
      correlationId: String(event.metadata.correlationId ?? event.eventId),
    };
    try {
      await stream.execute(call, {
        type: 'CreateStaffLogin',
        data: {
          tenantId,
          staffId: request.staffId,
          username: request.username,
          roles: request.roles,
          ...(request.branchId ? { branchId: request.branchId } : {}),
        },
      });
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof ProblemError)) throw error;
      logger.warn({ tenantId, staffId: request.staffId, code: error.code }, 'staff login request not taken');
    }
  };
}
