import { type Caller, type Command, type Event, useCase } from '@serviceops/kernel';
import { invitationExpiry } from './tenant.invitation';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { CALLERS_TENANT, enabledTenant, enabledUser, onTenant, withUser } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

/** An invitation's id (the application makes it with its secret) and how long it is valid, from the config. */
export interface InvitationTerms {
  readonly invitationId: string;
  readonly validForHours: number;
}

/**
 * How long an invitation mapped from a request is valid until the handler says: the config's (INVITATION_TTL_HOURS),
 * which a pure mapping cannot read. Refused by the decision, so a handler that left it fails loudly.
 */
export const CONFIGURED_VALIDITY = 0;

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
  // The fresh id is the invitation's: the handler makes its secret for it (application/invitations.handlers.ts).
  handles: {
    rpc: 'tenancy.IssueUserInvitation',
    command: (request: { userId: string }, { newId }: Caller) => ({
      type: 'IssueUserInvitation',
      data: {
        tenantId: CALLERS_TENANT,
        userId: request.userId,
        invitationId: newId,
        validForHours: CONFIGURED_VALIDITY,
      },
    }),
  },
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
