import { Body, Controller, Headers, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { etagOf, parseIfMatch } from '../http/if-match';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { AddBranchDto, BusinessCalendarDto, EnableBusinessLineDto } from './tenancy.dto';
import { TenantView } from './tenancy.views';

@ApiTags('tenancy')
@Controller('tenant')
export class TenancyController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint({
    method: 'GET',
    path: '',
    rpc: 'tenancy.GetTenant',
    status: 200,
    type: TenantView,
    etag: true,
    summary: 'Your tenant: branches, business lines, business calendar',
  })
  async get(
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantView> {
    return withEtag(res, await this.upstream.call<TenantView>('tenancy.GetTenant', {}, caller));
  }

  @Endpoint({
    method: 'POST',
    path: 'branches',
    rpc: 'tenancy.AddBranch',
    status: 201,
    type: TenantView,
    etag: true,
    ifMatch: true,
    summary: 'Open a branch',
  })
  async addBranch(
    @Body() body: AddBranchDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantView> {
    const tenant = await this.upstream.call<TenantView>(
      'tenancy.AddBranch',
      { name: body.name, businessLines: body.businessLines ?? [], expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, tenant);
  }

  @Endpoint({
    method: 'POST',
    path: 'business-lines',
    rpc: 'tenancy.EnableBusinessLine',
    status: 200,
    type: TenantView,
    etag: true,
    ifMatch: true,
    summary: 'Enable a business line for the tenant',
  })
  async enableBusinessLine(
    @Body() body: EnableBusinessLineDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantView> {
    const tenant = await this.upstream.call<TenantView>(
      'tenancy.EnableBusinessLine',
      { line: body.line, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, tenant);
  }

  @Endpoint({
    method: 'PUT',
    path: 'calendar',
    rpc: 'tenancy.SetBusinessCalendar',
    status: 200,
    type: TenantView,
    etag: true,
    ifMatch: true,
    summary: 'Set the business calendar: working hours and holidays, in the tenant’s time zone',
  })
  async setCalendar(
    @Body() body: BusinessCalendarDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantView> {
    const tenant = await this.upstream.call<TenantView>(
      'tenancy.SetBusinessCalendar',
      {
        calendar: { timeZone: body.timeZone, workingHours: body.workingHours, holidays: body.holidays },
        expectedVersion: parseIfMatch(ifMatch),
      },
      caller,
    );
    return withEtag(res, tenant);
  }
}

function withEtag(res: HttpResponse, tenant: TenantView): TenantView {
  res.setHeader('ETag', etagOf(tenant.version));
  return tenant;
}
