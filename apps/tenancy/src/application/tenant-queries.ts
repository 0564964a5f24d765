import { Inject, Injectable } from '@nestjs/common';
import { ProblemError, type EventSourcingRuntime } from '@serviceops/platform';
import type { Pool } from 'pg';
import { tenantDecider, tenantStreamId } from '../domain/tenant/tenant.decider';
import type { ActiveTenant } from '../domain/tenant/tenant.state';
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

  async anyTenantExists(): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM tenancy.tenants LIMIT 1');
    return rows.length > 0;
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
    }>(
      `SELECT a.user_id, a.tenant_id, a.username, c.password_hash, a.roles, a.disabled
         FROM tenancy.accounts a JOIN tenancy.credentials c USING (user_id)
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
    return {
      userId: account.user_id,
      tenantId: account.tenant_id,
      username: account.username,
      roles: account.roles,
    };
  }
}

// Verified against when the user does not exist, so timing does not tell who has an account.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
