import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, newId, type Event } from '@serviceops/kernel';
import { execute, ProblemError, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import type { TenantCommand } from '../domain/tenant/tenant.commands';
import { tenantDecider, tenantStreamId } from '../domain/tenant/tenant.decider';
import { TenancyErrorCode } from '../domain/tenant/tenant.errors';
import { entry, type ActiveTenant, type TenantState } from '../domain/tenant/tenant.state';
import type { Role } from '../domain/roles';
import { hashPassword } from '../infrastructure/passwords';

export const RUNTIME = Symbol('RUNTIME');

type CommandData<T extends TenantCommand['type']> = Omit<
  Extract<TenantCommand, { type: T }>['data'],
  'tenantId'
>;

/** A command on the caller's tenant; `expectedVersion` is the caller's If-Match. */
export class TenantCommandRequest {
  constructor(
    readonly call: CallContext,
    readonly command: {
      [T in TenantCommand['type']]: { type: T; data: CommandData<T> };
    }[TenantCommand['type']],
    readonly expectedVersion?: number,
  ) {}
}

export class RegisterUserRequest {
  constructor(
    readonly call: CallContext,
    readonly user: {
      username: string;
      displayName: string;
      password: string;
      roles: readonly Role[];
      branchId?: string;
    },
  ) {}
}

export interface TenantResult {
  readonly tenant: ActiveTenant;
  readonly version: number;
}

/** Keeps the login lookup (accounts) and the tenant list in step with the stream, in the append's transaction. */
export async function projectAccounts(
  tx: PoolClient,
  state: unknown,
  version: number,
  events: readonly Event[],
): Promise<void> {
  const tenant = state as TenantState;
  if (tenant.status !== 'active') return;
  await tx.query(
    `INSERT INTO tenancy.tenants (tenant_id, name, version, disabled, time_zone) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version,
       disabled = EXCLUDED.disabled, time_zone = EXCLUDED.time_zone`,
    [tenant.tenantId, tenant.name, version, tenant.disabledAt !== undefined, tenant.calendar.timeZone],
  );
  // Only the users these events touched: a tenant with thousands of users pays for one.
  const touched = new Set(
    events.flatMap((e) => {
      const userId = (e.data as { userId?: unknown }).userId;
      return typeof userId === 'string' ? [userId] : [];
    }),
  );
  for (const userId of touched) {
    const user = entry(tenant.users, userId);
    if (!user) continue;
    await tx.query(
      `INSERT INTO tenancy.accounts (user_id, tenant_id, username, roles, disabled)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET username = EXCLUDED.username, roles = EXCLUDED.roles,
         disabled = EXCLUDED.disabled`,
      [userId, tenant.tenantId, user.username, user.roles, user.disabled],
    );
  }
}

@Injectable()
export class TenantCommands {
  constructor(@Inject(RUNTIME) private readonly runtime: EventSourcingRuntime) {}

  /** `credential`: a password hash stored with the event that registers the user or changes its password. */
  async run(
    call: CallContext,
    tenantId: string,
    command: TenantCommand,
    expectedVersion?: number,
    credential?: { userId: string; passwordHash: string },
  ): Promise<TenantResult> {
    const inline = async (
      tx: PoolClient,
      state: unknown,
      version: number,
      events: readonly Event[],
    ): Promise<void> => {
      await projectAccounts(tx, state, version, events);
      if (credential)
        await tx.query(
          `INSERT INTO tenancy.credentials (user_id, password_hash, changed_at) VALUES ($1, $2, now())
           ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, changed_at = now()`,
          [credential.userId, credential.passwordHash],
        );
    };
    const tenantNameTaken = await this.nameTaken(command);
    const result = await this.runtime
      .timed(command.type, () =>
        execute(
          this.runtime.store,
          tenantDecider,
          tenantStreamId(tenantId),
          command,
          { now: new Date(), tenantNameTaken },
          call,
          {
            expectedVersion,
            inline,
          },
        ),
      )
      .catch((error: unknown) => {
        // Two tenants named alike at once: the decider saw neither, the unique index sees both.
        if (isUniqueViolation(error, TENANT_NAME_INDEX))
          throw new DomainError(TenancyErrorCode.TENANT_NAME_TAKEN, 'a tenant already has this name');
        throw error;
      });
    if (result.state.status !== 'active')
      throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    return { tenant: result.state, version: result.version };
  }

  /** Tenant names are unique across tenants (case-insensitive), a fact no single tenant stream holds. */
  private async nameTaken(command: TenantCommand): Promise<boolean> {
    if (command.type !== 'CreateTenant' && command.type !== 'ProvisionTenant') return false;
    const { rows } = await this.runtime.store.pool.query(
      `SELECT 1 FROM tenancy.tenants WHERE lower(name) = lower(btrim($1)) AND tenant_id <> $2::uuid LIMIT 1`,
      [command.data.name, command.data.tenantId],
    );
    return rows.length > 0;
  }
}

/** The unique index on tenants' lower-case names (migration TenantLifecycle). */
export const TENANT_NAME_INDEX = 'tenants_name_key';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === '23505' &&
    'constraint' in error &&
    error.constraint === constraint
  );
}

@CommandHandler(TenantCommandRequest)
export class TenantCommandHandler implements ICommandHandler<TenantCommandRequest, TenantResult> {
  constructor(private readonly commands: TenantCommands) {}
  execute({ call, command, expectedVersion }: TenantCommandRequest): Promise<TenantResult> {
    const withTenant = {
      type: command.type,
      data: { ...command.data, tenantId: call.tenantId },
    } as TenantCommand;
    return this.commands.run(call, call.tenantId, withTenant, expectedVersion);
  }
}

@CommandHandler(RegisterUserRequest)
export class RegisterUserHandler implements ICommandHandler<
  RegisterUserRequest,
  TenantResult & { userId: string }
> {
  constructor(private readonly commands: TenantCommands) {}
  async execute({ call, user }: RegisterUserRequest): Promise<TenantResult & { userId: string }> {
    const userId = newId();
    const { password, ...rest } = user;
    const result = await this.commands.run(
      call,
      call.tenantId,
      { type: 'RegisterUser', data: { ...rest, tenantId: call.tenantId, userId } },
      undefined,
      { userId, passwordHash: await hashPassword(password) },
    );
    return { ...result, userId };
  }
}
