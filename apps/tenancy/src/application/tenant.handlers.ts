import { Injectable } from '@nestjs/common';
import { newId, type BusinessCalendar } from '@serviceops/kernel';
import { Handles, type CallContext } from '@serviceops/platform';
import type { BusinessLine } from '../domain/business-lines';
import { TenantStream, type TenantResult } from './tenant-stream';

/** The answer `Tenant`: the tenant as its own users see it. */
function tenantMessage({ tenant, version }: TenantResult) {
  return {
    id: tenant.tenantId,
    name: tenant.name,
    version,
    branches: Object.entries(tenant.branches).map(([id, b]) => ({
      id,
      name: b.name,
      businessLines: b.businessLines,
    })),
    businessLines: tenant.businessLines,
    calendar: tenant.calendar,
    disabled: tenant.disabledAt !== undefined,
  };
}

/** The caller's own tenant: its branches, business lines and business calendar. */
@Injectable()
export class TenantHandlers {
  constructor(private readonly stream: TenantStream) {}

  @Handles('tenancy.GetTenant')
  async getTenant(_request: object, call: CallContext) {
    return tenantMessage(await this.stream.read(call.tenantId));
  }

  @Handles('tenancy.AddBranch')
  async addBranch(
    request: { expectedVersion?: number; name: string; businessLines?: BusinessLine[] },
    call: CallContext,
  ) {
    const { tenantId } = call;
    const data = {
      tenantId,
      branchId: newId(),
      name: request.name,
      businessLines: request.businessLines ?? [],
    };
    const { expectedVersion } = request;
    return tenantMessage(await this.stream.execute(call, { type: 'AddBranch', data }, { expectedVersion }));
  }

  @Handles('tenancy.EnableBusinessLine')
  async enableBusinessLine(request: { expectedVersion?: number; line: BusinessLine }, call: CallContext) {
    const data = { tenantId: call.tenantId, line: request.line };
    const { expectedVersion } = request;
    return tenantMessage(
      await this.stream.execute(call, { type: 'EnableBusinessLine', data }, { expectedVersion }),
    );
  }

  @Handles('tenancy.SetBusinessCalendar')
  async setBusinessCalendar(
    request: { expectedVersion?: number; calendar?: BusinessCalendar },
    call: CallContext,
  ) {
    // proto3 leaves an unset message and an empty list out; the domain checks what is left.
    const calendar = request.calendar ?? { timeZone: '', workingHours: [], holidays: [] };
    const data = {
      tenantId: call.tenantId,
      calendar: { ...calendar, workingHours: calendar.workingHours ?? [], holidays: calendar.holidays ?? [] },
    };
    const { expectedVersion } = request;
    return tenantMessage(
      await this.stream.execute(call, { type: 'SetBusinessCalendar', data }, { expectedVersion }),
    );
  }
}
