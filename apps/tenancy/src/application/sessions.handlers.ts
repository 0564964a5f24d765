import { Inject, Injectable } from '@nestjs/common';
import { Handles, ProblemError } from '@serviceops/platform';
import { refreshVerdict } from '../domain/refresh/refresh.rules';
import { TenancyErrorCode } from '../domain/tenant/tenant.errors';
import { REFRESH_SETTINGS, RefreshTokens, type RefreshSettings } from '../infrastructure/refresh-tokens';
import { TenantStream } from './tenant-stream';

/** The one answer to every refresh token that gets nothing, whatever the reason: nothing to learn from it. */
function invalidRefresh(): ProblemError {
  return new ProblemError(TenancyErrorCode.REFRESH_INVALID, 'this refresh token is not valid: sign in again');
}

/** Sessions after the sign-in: a refresh token exchanged for the next access token, and a sign-out. */
@Injectable()
export class SessionsHandlers {
  constructor(
    private readonly stream: TenantStream,
    private readonly refreshTokens: RefreshTokens,
    @Inject(REFRESH_SETTINGS) private readonly settings: RefreshSettings,
  ) {}

  /**
   * A refresh token for the user as they are now (roles, token version) and the family's next token; the one
   * presented stops working. Any refusal (unknown, used, revoked, expired, a disabled user or tenant, rights
   * changed since the sign-in) is the one answer; a reuse revokes the whole family.
   */
  @Handles('tenancy.RefreshAccessToken')
  async refreshAccessToken(request: { refreshToken?: string }) {
    const token = request.refreshToken ?? '';
    // The tenant's state is read first, outside the token's lock (see RefreshTokens.tenantOf).
    const tenantId = await this.refreshTokens.tenantOf(token);
    const tenant = tenantId
      ? await this.stream.read(tenantId).then(
          (result) => result.tenant,
          () => undefined,
        )
      : undefined;
    const now = new Date();
    let user: { username: string; roles: readonly string[] } | undefined;
    const exchange = await this.refreshTokens.exchange(token, now, (presented) => {
      const userId = presented?.family.userId ?? '';
      const known = presented?.family.tenantId === tenantId ? tenant : undefined;
      user = known && Object.hasOwn(known.users, userId) ? known.users[userId] : undefined;
      return refreshVerdict(presented, known, now);
    });
    if (exchange.verdict !== 'valid' || !user) {
      // Why, by ids only, for whoever investigates; the caller hears the one answer.
      this.settings.logger.info(
        { familyId: 'familyId' in exchange ? exchange.familyId : undefined, verdict: exchange.verdict },
        'refresh refused',
      );
      throw invalidRefresh();
    }
    const { family, next } = exchange;
    return {
      userId: family.userId,
      tenantId: family.tenantId,
      username: user.username,
      roles: user.roles,
      tokenVersion: family.tokenVersion,
      ...next,
    };
  }

  /** Ends the sign-in a refresh token belongs to; the same empty answer whether it named one or not (RFC 7009). */
  @Handles('tenancy.Logout')
  async logout(request: { refreshToken?: string }) {
    await this.refreshTokens.revoke(request.refreshToken ?? '', new Date(), 'logout');
    return { revoked: true };
  }
}
