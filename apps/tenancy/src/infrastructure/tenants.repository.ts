import { Injectable } from '@nestjs/common';
import { isUuid, RULES } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';
import { Pool, type PoolClient } from 'pg';
import { PLATFORM_TENANT_ID } from '../domain/roles';

export type TenantStatus = 'active' | 'disabled';

/** A tenant as the platform operator sees it (none of its business data). */
export interface TenantRecord {
  readonly id: string;
  readonly name: string;
  readonly status: TenantStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly timeZone: string;
}

/** The unique index on tenants' lower-case names (migration TenantLifecycle). */
export const TENANT_NAME_INDEX = 'tenants_name_key';

/** The tenant list (tenancy.tenants): names unique across tenants, status, the operator's pages. */
@Injectable()
export class TenantsRepository {
  constructor(private readonly pool: Pool) {}

  /** Whether another tenant has this name (case-insensitive): a fact no single tenant stream holds. */
  async nameTaken(name: string, exceptTenantId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM tenancy.tenants WHERE lower(name) = lower(btrim($1)) AND tenant_id <> $2::uuid LIMIT 1`,
      [name, exceptTenantId],
    );
    return rows.length > 0;
  }

  /** Whether a business tenant (not the platform's) exists. */
  async anyBusinessTenant(): Promise<boolean> {
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
  async list(query: {
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
  async record(tenantId: string): Promise<TenantRecord> {
    if (!isUuid(tenantId)) throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    const { rows } = await this.pool.query<TenantRecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM tenancy.tenants WHERE tenant_id = $1::uuid AND tenant_id <> $2`,
      [tenantId, PLATFORM_TENANT_ID],
    );
    const row = rows[0];
    if (!row) throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    return recordOf(row);
  }

  /** Runs `run` holding an advisory lock on `key`: replicas starting together take turns. */
  async exclusively<T>(key: string, run: () => Promise<T>): Promise<T> {
    const lock = await this.pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      return await run();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      lock.release();
    }
  }
}

/** The tenant's row, written in the append's transaction. */
export async function saveTenant(
  tx: PoolClient,
  tenant: { tenantId: string; name: string; version: number; disabled: boolean; timeZone: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO tenancy.tenants (tenant_id, name, version, disabled, time_zone) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version,
       disabled = EXCLUDED.disabled, time_zone = EXCLUDED.time_zone`,
    [tenant.tenantId, tenant.name, tenant.version, tenant.disabled, tenant.timeZone],
  );
}

/** Two tenants named alike at once: each decider saw neither, the unique index saw both. */
export function isTenantNameConflict(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === '23505' &&
    'constraint' in error &&
    error.constraint === TENANT_NAME_INDEX
  );
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
