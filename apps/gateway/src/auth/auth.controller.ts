import { Body, Controller, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessTokens } from '../access/access-tokens';
import type { HttpRequest } from '../http/http.types';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { TokenRequestDto, TokenView, type AuthenticatedUser } from './auth.dto';
import { LoginThrottle } from './login-throttle';

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
    return this.tokens.issue(user);
  }
}
