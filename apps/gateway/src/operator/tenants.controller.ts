import { Body, Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { etagOf, parseIfMatch } from '../http/if-match';
import { DEFAULT_PAGE_SIZE } from '../http/page.query';
import { UuidParam } from '../http/uuid-param';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { CreateTenantDto, ListTenantsQuery } from './tenants.dto';
import { CreatedTenantView, TenantRecordPageView, TenantRecordView } from './tenants.views';

/**
 * The platform operator's routes: provisioning tenants. No tenant user (not even an admin) may call them; an
 * operator calls nothing else but these (and reads GET /tenant of the platform's own tenant).
 */
@ApiTags('operator')
@Controller()
export class TenantsController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('tenancy.CreateTenant', { type: CreatedTenantView })
  async create(
    @Body() body: CreateTenantDto,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<CreatedTenantView> {
    const tenant = await this.upstream.call<CreatedTenantView>(
      'tenancy.CreateTenant',
      {
        name: body.name,
        timeZone: body.timeZone,
        admin: {
          username: body.admin.username,
          password: body.admin.password,
          displayName: body.admin.displayName,
        },
      },
      caller,
    );
    res.setHeader('Location', `/api/v1/tenants/${encodeURIComponent(tenant.id)}`);
    return withEtag(res, tenant);
  }

  @Endpoint('tenancy.ListTenants', { type: TenantRecordPageView })
  async list(@Query() query: ListTenantsQuery, @Caller() caller: CallContext): Promise<TenantRecordPageView> {
    const page = await this.upstream.call<TenantRecordPageView>(
      'tenancy.ListTenants',
      { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor, status: query.status },
      caller,
    );
    return { items: page.items ?? [], ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  @Endpoint('tenancy.GetTenantById', { type: TenantRecordView })
  async get(
    @UuidParam('id') id: string,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantRecordView> {
    return withEtag(
      res,
      await this.upstream.call<TenantRecordView>('tenancy.GetTenantById', { tenantId: id }, caller),
    );
  }

  @Endpoint('tenancy.DisableTenant', { type: TenantRecordView })
  disable(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantRecordView> {
    return this.changeStatus('tenancy.DisableTenant', id, ifMatch, caller, res);
  }

  @Endpoint('tenancy.EnableTenant', { type: TenantRecordView })
  enable(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantRecordView> {
    return this.changeStatus('tenancy.EnableTenant', id, ifMatch, caller, res);
  }

  private async changeStatus(
    rpc: 'tenancy.DisableTenant' | 'tenancy.EnableTenant',
    id: string,
    ifMatch: string | undefined,
    caller: CallContext,
    res: HttpResponse,
  ): Promise<TenantRecordView> {
    const tenant = await this.upstream.call<TenantRecordView>(
      rpc,
      { tenantId: id, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, tenant);
  }
}

function withEtag<T extends TenantRecordView>(res: HttpResponse, tenant: T): T {
  res.setHeader('ETag', etagOf(tenant.version));
  return tenant;
}
