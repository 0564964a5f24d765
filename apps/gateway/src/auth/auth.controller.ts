import { Body, Controller, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessTokens } from '../access/access-tokens';
import type { HttpRequest } from '../http/http.types';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import {
  ActivationRequestDto,
  LogoutRequestDto,
  LogoutView,
  RefreshRequestDto,
  TokenRequestDto,
  TokenView,
  type AuthenticatedUser,
} from './auth.dto';
import { activationAttempt, LoginThrottle, refreshAttempt } from './login-throttle';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly upstream: Upstream,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  @Endpoint('tenancy.Authenticate', { type: TokenView })
  async token(@Body() body: TokenRequestDto, @Req() req: HttpRequest): Promise<TokenView> {
    const user = await this.throttle.attempt(
      { username: body.username, tenantId: body.tenantId, client: req.ip ?? 'unknown' },
      () =>
        this.upstream.call<AuthenticatedUser>(
          'tenancy.Authenticate',
          { username: body.username, password: body.password, tenantId: body.tenantId },
          undefined,
        ),
    );
    return this.tokens.answer(user);
  }

  /**
   * A login made without a password (a staff member hired with one) activated by its person: the first password
   * set with the invitation's token, answered with an access token as a login is. Throttled like logins: refused
   * tokens count per invitation and per client.
   */
  @Endpoint('tenancy.ActivateUser', { type: TokenView })
  async activate(@Body() body: ActivationRequestDto, @Req() req: HttpRequest): Promise<TokenView> {
    const user = await this.throttle.attempt(activationAttempt(body.token, req.ip ?? 'unknown'), () =>
      this.upstream.call<AuthenticatedUser>(
        'tenancy.ActivateUser',
        { token: body.token, password: body.password },
        undefined,
      ),
    );
    return this.tokens.answer(user);
  }

  /**
   * A refresh token for the next access token and refresh token, the user as tenancy has them now. Throttled like
   * logins: refused refresh tokens count per client (and per token, which is never tried twice by its owner).
   */
  @Endpoint('tenancy.RefreshAccessToken', { type: TokenView })
  async refresh(@Body() body: RefreshRequestDto, @Req() req: HttpRequest): Promise<TokenView> {
    const user = await this.throttle.attempt(refreshAttempt(body.refreshToken, req.ip ?? 'unknown'), () =>
      this.upstream.call<AuthenticatedUser>(
        'tenancy.RefreshAccessToken',
        { refreshToken: body.refreshToken },
        undefined,
      ),
    );
    return this.tokens.answer(user);
  }

  /** Sign-out: the refresh token's sign-in ends; access tokens already issued run out within JWT_TTL_SECONDS. */
  @Endpoint('tenancy.Logout', { type: LogoutView })
  async logout(@Body() body: LogoutRequestDto): Promise<LogoutView> {
    await this.upstream.call('tenancy.Logout', { refreshToken: body.refreshToken }, undefined);
    return { revoked: true };
  }
}
