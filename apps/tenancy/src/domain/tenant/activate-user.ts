import { type Command, type Event, useCase } from '@serviceops/kernel';
import type { UserPasswordChanged } from './change-user-password';
import { invitationVerdict } from './tenant.invitation';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { enabledTenant, onTenant, withUser } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

/**
 * The person activates their login with the invitation's secret (the application matched the secret to this
 * invitation): the password is set (its hash stored beside) and the invitation is used up.
 */
export type ActivateUser = Command<
  'ActivateUser',
  { tenantId: string; userId: string; invitationId: string }
>;

/** The user activated their login with the invitation: it is used up (UserPasswordChanged follows). */
export type UserActivated = Event<
  'UserActivated',
  { userId: string; invitationId: string; activatedAt: string }
>;

/**
 * The person's own activation: only with the user's latest invitation, unused and unexpired, while the user is
 * enabled and still pending. Every refusal is the same error (no oracle); the password's hash is stored beside.
 */
export const activateUser = useCase<
  ActivateUser,
  UserActivated | UserPasswordChanged,
  TenantState,
  TenantContext,
  'UserPasswordChanged'
>({
  command: 'ActivateUser',
  decide(command, state, context) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId, invitationId } = command.data;
    const verdict = invitationVerdict(entry(tenant.users, userId), invitationId, context.now);
    if (verdict !== 'valid')
      throw tenancyError(E.INVITATION_INVALID, 'this activation token is not valid', { verdict });
    const at = context.now.toISOString();
    return [
      { type: 'UserActivated', data: { userId, invitationId, activatedAt: at } },
      { type: 'UserPasswordChanged', data: { userId, changedAt: at } },
    ];
  },
  evolve: {
    UserActivated: onTenant((tenant, { data: { userId, activatedAt } }) =>
      withUser(tenant, userId, (user) =>
        user.invitation ? { invitation: { ...user.invitation, acceptedAt: activatedAt } } : {},
      ),
    ),
  },
});
