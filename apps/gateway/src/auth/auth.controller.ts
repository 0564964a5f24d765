import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessTokens } from '../access/access-tokens';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { TokenRequestDto, TokenView, type AuthenticatedUser } from './auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly upstream: Upstream,
    private readonly tokens: AccessTokens,
  ) {}

  @Endpoint('tenancy.Authenticate', { type: TokenView })
  async token(@Body() body: TokenRequestDto): Promise<TokenView> {
    const user = await this.upstream.call<AuthenticatedUser>(
      'tenancy.Authenticate',
      { username: body.username, password: body.password, tenantId: body.tenantId },
      undefined,
    );
    return this.tokens.issue(user);
  }
}
