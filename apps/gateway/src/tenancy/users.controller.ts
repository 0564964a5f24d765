import { Body, Controller, Headers, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { etagOf, parseIfMatch } from '../http/if-match';
import { UuidParam } from '../http/uuid-param';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { ChangeUserRolesDto, RegisterUserDto } from './tenancy.dto';
import { UserPageView, UserView } from './tenancy.views';

@ApiTags('tenancy')
@Controller()
export class UsersController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('tenancy.RegisterUser', { type: UserView })
  async register(
    @Body() body: RegisterUserDto,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<UserView> {
    const user = await this.upstream.call<UserView>(
      'tenancy.RegisterUser',
      {
        username: body.username,
        displayName: body.displayName,
        password: body.password,
        roles: body.roles,
        branchId: body.branchId,
      },
      caller,
    );
    return withEtag(res, user);
  }

  @Endpoint('tenancy.ListUsers', { type: UserPageView })
  async list(@Caller() caller: CallContext): Promise<UserPageView> {
    const page = await this.upstream.call<UserPageView>('tenancy.ListUsers', {}, caller);
    return { items: page.items.map(userView) };
  }

  @Endpoint('tenancy.ChangeUserRoles', { type: UserView })
  async changeRoles(
    @UuidParam('id') id: string,
    @Body() body: ChangeUserRolesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<UserView> {
    const user = await this.upstream.call<UserView>(
      'tenancy.ChangeUserRoles',
      { userId: id, roles: body.roles, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, user);
  }

  @Endpoint('tenancy.DisableUser', { type: UserView })
  async disable(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<UserView> {
    const user = await this.upstream.call<UserView>(
      'tenancy.DisableUser',
      { userId: id, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, user);
  }
}

/** proto3 leaves `false` out; the REST answer says it. */
function userView(user: UserView): UserView {
  return { ...user, disabled: user.disabled === true };
}

function withEtag(res: HttpResponse, user: UserView): UserView {
  res.setHeader('ETag', etagOf(user.tenantVersion));
  return userView(user);
}
