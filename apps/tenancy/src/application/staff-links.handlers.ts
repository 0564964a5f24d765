import { Injectable } from '@nestjs/common';
import { HandlesUseCase, type CallContext } from '@serviceops/platform';
import { linkUserToStaff, type LinkUserToStaff } from '../domain/tenant/link-user-to-staff';
import { assertNotLeft, StaffMembersRepository } from '../infrastructure/staff-members';
import { onCallersTenant, TenantStream } from './tenant-stream';
import { UsersHandlers } from './users.handlers';

/**
 * An admin makes a user made by hand the login of a staff member (issue 13 item 1): from then on the leavers
 * consumer closes it when the person leaves and the role consumer gives it their new roles, as for a login made
 * at hire. The staff member must be one tenancy knows in this tenant from staff's events (tenancy.staff_members).
 * The answer is the user as `GetUser` answers it (one shape of `User`, read after the append). Unlinking is a
 * use case served by the tenant's generic handler (TenantHandlers.act).
 */
@Injectable()
export class StaffLinksHandlers {
  constructor(
    private readonly stream: TenantStream,
    private readonly staffMembers: StaffMembersRepository,
    private readonly users: UsersHandlers,
  ) {}

  @HandlesUseCase(linkUserToStaff)
  async linkUserToStaff(command: LinkUserToStaff, request: { expectedVersion?: number }, call: CallContext) {
    const { tenantId } = call;
    const { userId, staffId } = command.data;
    const { expectedVersion } = request;
    // Another tenant's (or no) user is 404 at once, before waiting for the staff member.
    await this.users.getUser({ userId }, call);
    const staffMember = await this.staffMembers.standingOnArrival(tenantId, staffId);
    await this.stream.execute(call, onCallersTenant(command, call), {
      expectedVersion,
      ...(staffMember ? { staffMember } : {}),
      beside: async (tx, events) => {
        if (events.length > 0) await assertNotLeft(tx, tenantId, staffId);
      },
    });
    return this.users.getUser({ userId }, call);
  }
}
