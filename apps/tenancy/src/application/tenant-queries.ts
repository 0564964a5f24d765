import { Inject, Injectable } from '@nestjs/common';
import { isUuid, RULES } from '@serviceops/kernel';
import { ProblemError, type EventSourcingRuntime } from '@serviceops/platform';
import type { Pool } from 'pg';
import { tenantDecider, tenantStreamId } from '../domain/tenant/tenant.decider';
import type { ActiveTenant } from '../domain/tenant/tenant.state';
import { PLATFORM_TENANT_ID } from '../domain/roles';
import { verifyPassword } from '../infrastructure/passwords';
import { RUNTIME } from './tenant-commands';

export interface AuthenticatedUser {
  readonly userId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly roles: readonly string[];
}

const BAD_LOGIN = 'unknown user or wrong password';

@Injectable()
export class TenantQueries {
  constructor(@Inject(RUNTIME) private readonly runtime: EventSourcingRuntime) {}

  private get pool(): Pool {
    return this.runtime.store.pool;
  }

  /** The tenant as its stream says now: tenants are small, and a read must see the write just made. */
  async tenant(tenantId: string): Promise<{ tenant: ActiveTenant; version: number }> {
    const { state, version } = await this.runtime.store.aggregate(
      tenantStreamId(tenantId),
      (s, e) => tenantDecider.evolve(s, e as Parameters<typeof tenantDecider.evolve>[1]),
      tenantDecider.initialState,
    );
    if (state.status !== 'active') throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    return { tenant: state, version };
  }

  /** Whether a business tenant (not the platform's) exists. */
  async anyTenantExists(): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM tenancy.tenants WHERE tenant_id <> $1 LIMIT 1', [
      PLATFORM_TENANT_ID,
    ]);
    return rows.length > 0;
  }

  async platformExists(): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM tenancy.tenants WHERE tenant_id = $1', [
      PLATFORM_TENANT_ID,
    ]);
    return rows.length > 0;
  }

  /** Business tenants by name (case-insensitive), a page after `cursor`; the platform's own is not listed. */
  async listTenants(query: {
    limit: number;
    cursor?: string;
    status?: TenantStatus;
  }): Promise<{ items: TenantRecord[]; nextCursor?: string }> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const { rows } = await this.pool.query<TenantRecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM tenancy.tenants
        WHERE tenant_id <> $1 AND ($2::text IS NULL OR lower(name) > $2::text)
          AND ($3::boolean IS NULL OR disabled = $3::boolean)
        ORDER BY lower(name) LIMIT $4`,
      [
        PLATFORM_TENANT_ID,
        after ?? null,
        query.status === undefined ? null : query.status === 'disabled',
        query.limit + 1,
      ],
    );
    const items = rows.slice(0, query.limit).map(recordOf);
    const last = items[items.length - 1];
    return rows.length > query.limit && last
      ? { items, nextCursor: Buffer.from(last.name.toLowerCase(), 'utf8').toString('base64url') }
      : { items };
  }

  /** One business tenant as the platform operator sees it; the platform's own is not one. */
  async tenantRecord(tenantId: string): Promise<TenantRecord> {
    if (!isUuid(tenantId)) throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    const { rows } = await this.pool.query<TenantRecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM tenancy.tenants WHERE tenant_id = $1::uuid AND tenant_id <> $2`,
      [tenantId, PLATFORM_TENANT_ID],
    );
    const row = rows[0];
    if (!row) throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    return recordOf(row);
  }

  /** Checks a password. Every failure reads the same, and takes about as long, whatever went wrong. */
  async authenticate(username: string, password: string, tenantId?: string): Promise<AuthenticatedUser> {
    const { rows } = await this.pool.query<{
      user_id: string;
      tenant_id: string;
      username: string;
      password_hash: string;
      roles: string[];
      disabled: boolean;
      tenant_disabled: boolean | null;
    }>(
      `SELECT a.user_id, a.tenant_id, a.username, c.password_hash, a.roles, a.disabled,
              t.disabled AS tenant_disabled
         FROM tenancy.accounts a JOIN tenancy.credentials c USING (user_id)
         LEFT JOIN tenancy.tenants t ON t.tenant_id = a.tenant_id
        WHERE a.username = lower($1) AND ($2::uuid IS NULL OR a.tenant_id = $2::uuid) LIMIT 2`,
      [username.trim(), tenantId ?? null],
    );
    if (rows.length > 1)
      throw new ProblemError('VALIDATION', 'this username exists in several tenants: give tenantId', [
        { path: 'tenantId', message: 'required for this username' },
      ]);
    const account = rows[0];
    const ok = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    if (!account || !ok || account.disabled) throw new ProblemError('UNAUTHENTICATED', BAD_LOGIN);
    // Said only to whoever knows the password: the account is fine, its tenant is switched off.
    if (account.tenant_disabled)
      throw new ProblemError('TENANCY.TENANT_DISABLED', 'your tenant is disabled; ask the platform operator');
    return {
      userId: account.user_id,
      tenantId: account.tenant_id,
      username: account.username,
      roles: account.roles,
    };
  }
}

export type TenantStatus = 'active' | 'disabled';

export interface TenantRecord {
  readonly id: string;
  readonly name: string;
  readonly status: TenantStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly timeZone: string;
}

interface TenantRecordRow {
  tenant_id: string;
  name: string;
  version: number;
  disabled: boolean;
  created_at: Date;
  time_zone: string | null;
}

const RECORD_COLUMNS = 'tenant_id, name, version, disabled, created_at, time_zone';

function recordOf(row: TenantRecordRow): TenantRecord {
  return {
    id: row.tenant_id,
    name: row.name,
    status: row.disabled ? 'disabled' : 'active',
    version: row.version,
    createdAt: row.created_at.toISOString(),
    timeZone: row.time_zone ?? '',
  };
}

/**
 * A cursor is the last name of the page before (lower case, base64url). Every string of that shape
 * (RULES.nameCursor, which OpenAPI states) is a position: it decodes to some text, NULs dropped.
 */
function decodeCursor(cursor: string): string {
  if (!RULES.nameCursor.accepts(cursor))
    throw new ProblemError('VALIDATION', 'the cursor is not one this list gave', [
      { path: 'cursor', message: `cursor ${RULES.nameCursor.message}` },
    ]);
  return Buffer.from(cursor, 'base64url').toString('utf8').replaceAll('\0', '');
}

// Verified against when the user does not exist, so timing does not tell who has an account.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
