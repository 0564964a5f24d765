import { Inject, Injectable } from '@nestjs/common';
import { DomainError, newId } from '@serviceops/kernel';
import { Handles, HandlesUseCase, optional, ProblemError, type CallContext } from '@serviceops/platform';
import type { Logger } from 'pino';
import { issueUserInvitation, type IssueUserInvitation } from '../domain/tenant/issue-user-invitation';
import { TenancyErrorCode } from '../domain/tenant/tenant.errors';
import { hashPassword } from '../infrastructure/passwords';
import { InvitationsRepository, newInvitation, saveInvitation } from '../infrastructure/invitations';
import { RefreshTokens } from '../infrastructure/refresh-tokens';
import { onCallersTenant, TenantStream } from './tenant-stream';
import { newPassword } from './users.handlers';

/** How invitations are made here: from the config (INVITATION_TTL_HOURS, ACTIVATION_URL). */
export interface InvitationSettings {
  readonly validForHours: number;
  /** The page a person opens to activate their login; the token goes in its fragment. */
  readonly activationUrl?: string;
  readonly logger: Logger;
}
export const INVITATION_SETTINGS = Symbol('INVITATION_SETTINGS');

/** The one answer to every token that does not activate, whatever the reason: nothing to learn from it. */
function invalidToken(): ProblemError {
  return new ProblemError(
    TenancyErrorCode.INVITATION_INVALID,
    'this activation token is not valid: ask your admin for a new invitation',
  );
}

/** The activation link: the token in the fragment, which browsers never send to a server (nor its logs). */
export function activationLink(base: string | undefined, token: string): string | undefined {
  return base === undefined ? undefined : `${base}#token=${token}`;
}

/** Activation invitations for logins made without a password (staff hired with a login), and their use. */
@Injectable()
export class InvitationsHandlers {
  constructor(
    private readonly stream: TenantStream,
    private readonly invitations: InvitationsRepository,
    private readonly refreshTokens: RefreshTokens,
    @Inject(INVITATION_SETTINGS) private readonly settings: InvitationSettings,
  ) {}

  /**
   * A new invitation for a pending user, answered with its token once; the one issued before stops working. The
   * secret is made here for the invitation's id, and its validity is the config's (the mapping cannot read it).
   */
  @HandlesUseCase(issueUserInvitation)
  async issueUserInvitation(
    command: IssueUserInvitation,
    request: { expectedVersion?: number },
    call: CallContext,
  ) {
    const { tenantId } = call;
    const { userId } = command.data;
    const { invitationId, token, secretHash } = newInvitation(command.data.invitationId);
    const { validForHours } = this.settings;
    const issuing = onCallersTenant(command, call);
    const result = await this.stream.execute(
      call,
      { ...issuing, data: { ...issuing.data, validForHours } },
      {
        expectedVersion: request.expectedVersion,
        beside: (tx) => saveInvitation(tx, { invitationId, tenantId, userId, secretHash }),
      },
    );
    const user = Object.hasOwn(result.tenant.users, userId) ? result.tenant.users[userId] : undefined;
    return {
      userId,
      invitationId,
      token,
      expiresAt: user?.invitation?.expiresAt ?? '',
      ...optional('activationUrl', activationLink(this.settings.activationUrl, token)),
      tenantVersion: result.version,
    };
  }

  /**
   * The person sets their first password with the invitation's token. The password policy is applied first (it
   * says nothing about the token); then any token that does not activate (unknown, wrong secret, expired, used,
   * superseded, a disabled or already active user) gets the same answer, and nothing is written.
   */
  @Handles('tenancy.ActivateUser')
  async activateUser(request: { token?: string; password?: string }) {
    const password = newPassword(request.password, 'password');
    // Hashed before the token is looked at, so a wrong secret takes as long to refuse as a stale invitation.
    const passwordHash = await hashPassword(password);
    const found = await this.invitations.match(request.token ?? '');
    if (!found) throw invalidToken();
    const { tenantId, userId, invitationId } = found;
    const call = { tenantId, actorId: userId, roles: [], correlationId: newId() };
    const credential = { userId, passwordHash };
    try {
      const { tenant } = await this.stream.execute(
        call,
        { type: 'ActivateUser', data: { tenantId, userId, invitationId } },
        { credential },
      );
      const user = tenant.users[userId];
      const { username = '', roles = [], tokenVersion = 0 } = user ?? {};
      // Signed in at once, as after a sign-in: with its first refresh token.
      const refresh = await this.refreshTokens.start({ tenantId, userId, tokenVersion });
      return { userId, tenantId, username, roles, tokenVersion, ...refresh };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== TenancyErrorCode.INVITATION_INVALID) throw error;
      // Why, by ids only, for whoever investigates; the caller hears the one answer.
      this.settings.logger.info(
        { tenantId, userId, invitationId, verdict: error.details['verdict'] },
        'activation refused',
      );
      throw invalidToken();
    }
  }
}
