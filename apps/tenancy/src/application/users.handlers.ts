import { Injectable } from '@nestjs/common';
import { Handles, HandlesUseCase, optional, ProblemError, type CallContext } from '@serviceops/platform';
import { checkNewPassword } from '../domain/password/password.policy';
import { changeUserPassword, type ChangeUserPassword } from '../domain/tenant/change-user-password';
import { registerUser, type RegisterUser } from '../domain/tenant/register-user';
import { PASSWORD_POLICY } from '../infrastructure/common-passwords';
import { AccountsRepository } from '../infrastructure/accounts.repository';
import { hashPassword, verifyPassword } from '../infrastructure/passwords';
import { RefreshTokens } from '../infrastructure/refresh-tokens';
import { onCallersTenant, TenantStream, type TenantResult } from './tenant-stream';
import { UserNames } from './user-names';

/**
 * The answer `User`: one user of the tenant, with the tenant's version (users live in its stream); `names`, the
 * display names opened (UserNames.shown).
 */
export function userMessage(
  { tenant, version }: TenantResult,
  userId: string,
  names: ReadonlyMap<string, string>,
) {
  const user = Object.hasOwn(tenant.users, userId) ? tenant.users[userId] : undefined;
  if (!user) throw new ProblemError('TENANCY.USER_NOT_FOUND', 'no such user');
  return {
    id: userId,
    username: user.username,
    displayName: names.get(userId) ?? '',
    roles: user.roles,
    ...optional('branchId', user.branchId),
    disabled: user.disabled,
    tenantVersion: version,
    tokenVersion: user.tokenVersion,
    ...(user.pendingActivation ? { pendingActivation: true } : {}),
    ...optional('invitationExpiresAt', user.pendingActivation ? user.invitation?.expiresAt : undefined),
    ...optional('staffId', user.staffId),
    ...(user.erased ? { erased: true } : {}),
  };
}

/** A new password as given, refused when too short, common or repetitive; `path` is the field that carried it. */
export function newPassword(password: string | undefined, path: string): string {
  if ((password ?? '').length < 8)
    throw new ProblemError('VALIDATION', 'password too short', [{ path, message: 'at least 8 characters' }]);
  checkNewPassword(password ?? '', PASSWORD_POLICY);
  return password ?? '';
}

const BAD_LOGIN = 'unknown user or wrong password';

// Verified against when the user does not exist, so timing does not tell who has an account.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * The tenant's users: signing in, reads, registering and setting a password (each with a password, hashed here).
 * Changing roles, disabling and erasing are use cases served by the tenant's generic handler (TenantHandlers.act).
 */
@Injectable()
export class UsersHandlers {
  constructor(
    private readonly stream: TenantStream,
    private readonly accounts: AccountsRepository,
    private readonly refreshTokens: RefreshTokens,
    private readonly names: UserNames,
  ) {}

  /** The answer for one user, their display name opened. */
  private async user(result: TenantResult, userId: string) {
    return userMessage(result, userId, await this.names.shown(result.tenant.users, [userId]));
  }

  /**
   * Checks a password. Every failure reads the same, and takes about as long, whatever went wrong. A success
   * starts a sign-in: its first refresh token is answered once.
   */
  @Handles('tenancy.Authenticate')
  async authenticate(request: { tenantId?: string; username?: string; password?: string }) {
    const logins = await this.accounts.logins(request.username ?? '', request.tenantId);
    if (logins.length > 1)
      throw new ProblemError('VALIDATION', 'this username exists in several tenants: give tenantId', [
        { path: 'tenantId', message: 'required for this username' },
      ]);
    const account = logins[0];
    const ok = await verifyPassword(request.password ?? '', account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || account.disabled) throw new ProblemError('UNAUTHENTICATED', BAD_LOGIN);
    // Said only to whoever knows the password: the account is fine, its tenant is switched off.
    if (account.tenantDisabled)
      throw new ProblemError('TENANCY.TENANT_DISABLED', 'your tenant is disabled; ask the platform operator');
    const { userId, tenantId, username, roles } = account;
    // The token carries the user's version from the stream, so a later role change or disabling revokes it.
    const { tenant } = await this.stream.read(tenantId);
    const tokenVersion = Object.hasOwn(tenant.users, userId) ? (tenant.users[userId]?.tokenVersion ?? 0) : 0;
    const refresh = await this.refreshTokens.start({ tenantId, userId, tokenVersion });
    return { userId, tenantId, username, roles, tokenVersion, ...refresh };
  }

  /** The caller's own account: the gateway compares each token's version with it. */
  @Handles('tenancy.GetMe')
  async getMe(_request: object, call: CallContext) {
    return this.user(await this.stream.read(call.tenantId), call.actorId);
  }

  @Handles('tenancy.GetUser')
  async getUser(request: { userId: string }, call: CallContext) {
    return this.user(await this.stream.read(call.tenantId), request.userId);
  }

  /** The password is the request's, not the command's: only its hash is kept, beside the event. */
  @HandlesUseCase(registerUser)
  async registerUser(command: RegisterUser, request: { password?: string }, call: CallContext) {
    const password = newPassword(request.password, 'password');
    const { userId } = command.data;
    const credential = { userId, passwordHash: await hashPassword(password) };
    return this.user(await this.stream.execute(call, onCallersTenant(command, call), { credential }), userId);
  }

  /** As for registering, the password is the request's: only its hash is kept, beside the event. */
  @HandlesUseCase(changeUserPassword)
  async setUserPassword(
    command: ChangeUserPassword,
    request: { password?: string; expectedVersion?: number },
    call: CallContext,
  ) {
    const { userId } = command.data;
    // Another tenant's (or no) user is 404 before the password is judged.
    userMessage(await this.stream.read(call.tenantId), userId, new Map());
    const password = newPassword(request.password, 'password');
    const credential = { userId, passwordHash: await hashPassword(password) };
    const { expectedVersion } = request;
    const result = await this.stream.execute(call, onCallersTenant(command, call), {
      expectedVersion,
      credential,
    });
    return this.user(result, userId);
  }

  @Handles('tenancy.ListUsers')
  async listUsers(_request: object, call: CallContext) {
    const result = await this.stream.read(call.tenantId);
    const ids = Object.keys(result.tenant.users);
    const names = await this.names.shown(result.tenant.users, ids);
    return { items: ids.map((id) => userMessage(result, id, names)) };
  }
}
