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
@Controller()
export class TenancyController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('tenancy.GetTenant', { type: TenantView })
  async get(
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<TenantView> {
    return withEtag(res, await this.upstream.call<TenantView>('tenancy.GetTenant', {}, caller));
  }

  @Endpoint('tenancy.AddBranch', { type: TenantView })
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

  @Endpoint('tenancy.EnableBusinessLine', { type: TenantView })
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

  @Endpoint('tenancy.SetBusinessCalendar', { type: TenantView })
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
