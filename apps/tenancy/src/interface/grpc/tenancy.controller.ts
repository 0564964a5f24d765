import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrpcMethod } from '@nestjs/microservices';
import type { BusinessCalendar } from '@serviceops/kernel';
import { callContextOf, GrpcProblemFilter, ProblemError } from '@serviceops/platform';
import type { BusinessLine } from '../../domain/business-lines';
import type { Role } from '../../domain/roles';
import type { ActiveTenant } from '../../domain/tenant/tenant.state';
import {
  RegisterUserRequest,
  TenantCommandRequest,
  type TenantResult,
} from '../../application/tenant-commands';
import { TenantQueries, type TenantStatus } from '../../application/tenant-queries';
import {
  assertOperator,
  ChangeTenantStatusRequest,
  ProvisionTenantRequest,
} from '../../application/tenant-provisioning';
import { newId } from '@serviceops/kernel';

interface UserMessage {
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  branchId?: string;
  disabled: boolean;
  tenantVersion: number;
}

function tenantMessage({ tenant, version }: { tenant: ActiveTenant; version: number }) {
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

function userMessage({ tenant, version }: TenantResult, userId: string): UserMessage {
  const user = Object.hasOwn(tenant.users, userId) ? tenant.users[userId] : undefined;
  if (!user) throw new ProblemError('TENANCY.USER_NOT_FOUND', 'no such user');
  return {
    id: userId,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    ...(user.branchId ? { branchId: user.branchId } : {}),
    disabled: user.disabled,
    tenantVersion: version,
  };
}

/** One line per RPC: metadata → call context, message → command or query. */
@Controller()
@UseFilters(GrpcProblemFilter)
export class TenancyGrpcController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: TenantQueries,
  ) {}

  private command(md: Metadata, command: TenantCommandRequest['command'], expectedVersion?: number) {
    return this.commands.execute<TenantCommandRequest, TenantResult>(
      new TenantCommandRequest(callContextOf(md), command, expectedVersion),
    );
  }

  @GrpcMethod('Tenancy', 'Authenticate')
  authenticate(req: { tenantId?: string; username?: string; password?: string }) {
    return this.queries.authenticate(req.username ?? '', req.password ?? '', req.tenantId);
  }

  @GrpcMethod('Tenancy', 'GetTenant')
  async getTenant(_req: unknown, md: Metadata) {
    return tenantMessage(await this.queries.tenant(callContextOf(md).tenantId));
  }

  @GrpcMethod('Tenancy', 'AddBranch')
  async addBranch(
    req: { expectedVersion?: number; name: string; businessLines?: BusinessLine[] },
    md: Metadata,
  ) {
    const data = { branchId: newId(), name: req.name, businessLines: req.businessLines ?? [] };
    return tenantMessage(await this.command(md, { type: 'AddBranch', data }, req.expectedVersion));
  }

  @GrpcMethod('Tenancy', 'EnableBusinessLine')
  async enableBusinessLine(req: { expectedVersion?: number; line: BusinessLine }, md: Metadata) {
    return tenantMessage(
      await this.command(md, { type: 'EnableBusinessLine', data: { line: req.line } }, req.expectedVersion),
    );
  }

  @GrpcMethod('Tenancy', 'SetBusinessCalendar')
  async setBusinessCalendar(req: { expectedVersion?: number; calendar?: BusinessCalendar }, md: Metadata) {
    const calendar = req.calendar ?? { timeZone: '', workingHours: [], holidays: [] };
    const data = {
      calendar: { ...calendar, workingHours: calendar.workingHours ?? [], holidays: calendar.holidays ?? [] },
    };
    return tenantMessage(await this.command(md, { type: 'SetBusinessCalendar', data }, req.expectedVersion));
  }

  @GrpcMethod('Tenancy', 'RegisterUser')
  async registerUser(
    req: { username: string; displayName: string; password: string; roles?: Role[]; branchId?: string },
    md: Metadata,
  ) {
    if ((req.password ?? '').length < 8)
      throw new ProblemError('VALIDATION', 'password too short', [
        { path: 'password', message: 'at least 8 characters' },
      ]);
    const result = await this.commands.execute<RegisterUserRequest, TenantResult & { userId: string }>(
      new RegisterUserRequest(callContextOf(md), {
        username: req.username ?? '',
        displayName: req.displayName ?? '',
        password: req.password,
        roles: req.roles ?? [],
        ...(req.branchId ? { branchId: req.branchId } : {}),
      }),
    );
    return userMessage(result, result.userId);
  }

  @GrpcMethod('Tenancy', 'ChangeUserRoles')
  async changeUserRoles(req: { userId: string; roles?: Role[]; expectedVersion?: number }, md: Metadata) {
    const data = { userId: req.userId, roles: req.roles ?? [] };
    return userMessage(
      await this.command(md, { type: 'ChangeUserRoles', data }, req.expectedVersion),
      req.userId,
    );
  }

  @GrpcMethod('Tenancy', 'DisableUser')
  async disableUser(req: { userId: string; expectedVersion?: number }, md: Metadata) {
    const data = { userId: req.userId };
    return userMessage(
      await this.command(md, { type: 'DisableUser', data }, req.expectedVersion),
      req.userId,
    );
  }

  @GrpcMethod('Tenancy', 'ListUsers')
  async listUsers(_req: unknown, md: Metadata) {
    const result = await this.queries.tenant(callContextOf(md).tenantId);
    return { items: Object.keys(result.tenant.users).map((id) => userMessage(result, id)) };
  }

  // ---- The platform operator's ----------------------------------------------------------------------------

  @GrpcMethod('Tenancy', 'CreateTenant')
  async createTenant(
    req: {
      name?: string;
      timeZone?: string;
      admin?: { username?: string; password?: string; displayName?: string };
    },
    md: Metadata,
  ) {
    const admin = req.admin ?? {};
    if ((admin.password ?? '').length < 8)
      throw new ProblemError('VALIDATION', 'password too short', [
        { path: 'admin.password', message: 'at least 8 characters' },
      ]);
    const result = await this.commands.execute<
      ProvisionTenantRequest,
      TenantResult & { adminUserId: string }
    >(
      new ProvisionTenantRequest(callContextOf(md), {
        name: req.name ?? '',
        ...(req.timeZone ? { timeZone: req.timeZone } : {}),
        admin: {
          username: admin.username ?? '',
          password: admin.password ?? '',
          ...(admin.displayName ? { displayName: admin.displayName } : {}),
        },
      }),
    );
    return { ...(await this.queries.tenantRecord(result.tenant.tenantId)), adminUserId: result.adminUserId };
  }

  @GrpcMethod('Tenancy', 'ListTenants')
  listTenants(req: { limit?: number; cursor?: string; status?: string }, md: Metadata) {
    assertOperator(callContextOf(md));
    const status = req.status === 'active' || req.status === 'disabled' ? req.status : undefined;
    return this.queries.listTenants({
      limit: req.limit ?? 50,
      ...(req.cursor ? { cursor: req.cursor } : {}),
      ...(status ? { status } : {}),
    });
  }

  @GrpcMethod('Tenancy', 'GetTenantById')
  getTenantById(req: { tenantId?: string }, md: Metadata) {
    assertOperator(callContextOf(md));
    return this.queries.tenantRecord(req.tenantId ?? '');
  }

  @GrpcMethod('Tenancy', 'DisableTenant')
  disableTenant(req: { tenantId?: string; expectedVersion?: number }, md: Metadata) {
    return this.changeStatus(md, req, 'disabled');
  }

  @GrpcMethod('Tenancy', 'EnableTenant')
  enableTenant(req: { tenantId?: string; expectedVersion?: number }, md: Metadata) {
    return this.changeStatus(md, req, 'active');
  }

  private async changeStatus(
    md: Metadata,
    req: { tenantId?: string; expectedVersion?: number },
    status: TenantStatus,
  ) {
    const tenantId = req.tenantId ?? '';
    assertOperator(callContextOf(md));
    // The platform's own tenant is not one an operator manages: not found, as for the list and reads.
    await this.queries.tenantRecord(tenantId);
    await this.commands.execute<ChangeTenantStatusRequest, TenantResult>(
      new ChangeTenantStatusRequest(callContextOf(md), tenantId, status, req.expectedVersion),
    );
    return this.queries.tenantRecord(tenantId);
  }
}
