import { type Command, type Event, useCase } from '@serviceops/kernel';
import { invitationExpiry } from './tenant.invitation';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { enabledTenant, enabledUser, onTenant, withUser } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

/** An invitation's id (the application makes it with its secret) and how long it is valid, from the config. */
export interface InvitationTerms {
  readonly invitationId: string;
  readonly validForHours: number;
}

/** An admin issues a (new) activation invitation for a pending user: the previous one stops working. */
export type IssueUserInvitation = Command<
  'IssueUserInvitation',
  { tenantId: string; userId: string } & InvitationTerms
>;

/** An activation invitation for a pending user; its secret is never in an event (only its hash, outside). */
export type UserInvitationIssued = Event<
  'UserInvitationIssued',
  { userId: string; invitationId: string; issuedAt: string; expiresAt: string }
>;

/** A new invitation for a login waiting for activation; the one issued before stops working. */
export const issueUserInvitation = useCase<
  IssueUserInvitation,
  UserInvitationIssued,
  TenantState,
  TenantContext
>({
  command: 'IssueUserInvitation',
  decide(command, state, context) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId, invitationId, validForHours } = command.data;
    const user = enabledUser(tenant, userId);
    if (!user.pendingActivation) {
      throw tenancyError(
        E.USER_ALREADY_ACTIVE,
        `user ${userId} is active: an admin resets a password instead`,
        {
          userId,
        },
      );
    }
    if (!Number.isInteger(validForHours) || validForHours < 1)
      throw new RangeError(`an invitation is valid for a whole number of hours, not ${validForHours}`);
    return [
      {
        type: 'UserInvitationIssued',
        data: {
          userId,
          invitationId,
          issuedAt: context.now.toISOString(),
          expiresAt: invitationExpiry(context.now, validForHours).toISOString(),
        },
      },
    ];
  },
  evolve: {
    UserInvitationIssued: onTenant((tenant, { data: { userId, invitationId, expiresAt } }) =>
      withUser(tenant, userId, () => ({ invitation: { invitationId, expiresAt } })),
    ),
  },
});
