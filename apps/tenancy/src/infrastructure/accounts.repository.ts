import { Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';

/** An account a login names, with its password hash and whether its tenant is disabled. */
export interface Login {
  readonly userId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly roles: readonly string[];
  readonly disabled: boolean;
  readonly tenantDisabled: boolean;
}

/** A password hash, stored beside the event that registers its user or changes its password. */
export interface Credential {
  readonly userId: string;
  readonly passwordHash: string;
}

/** The login lookup (tenancy.accounts) and the password hashes (tenancy.credentials). */
@Injectable()
export class AccountsRepository {
  constructor(private readonly pool: Pool) {}

  /** The accounts with this username (case-insensitive), in `tenantId` when given; two at most. */
  async logins(username: string, tenantId?: string): Promise<Login[]> {
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
    return rows.map((row) => ({
      userId: row.user_id,
      tenantId: row.tenant_id,
      username: row.username,
      passwordHash: row.password_hash,
      roles: row.roles,
      disabled: row.disabled,
      tenantDisabled: row.tenant_disabled === true,
    }));
  }
}

/** A user's login row, written in the append's transaction. */
export async function saveAccount(
  tx: PoolClient,
  account: {
    userId: string;
    tenantId: string;
    username: string;
    roles: readonly string[];
    disabled: boolean;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO tenancy.accounts (user_id, tenant_id, username, roles, disabled)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id) DO UPDATE SET username = EXCLUDED.username, roles = EXCLUDED.roles,
       disabled = EXCLUDED.disabled`,
    [account.userId, account.tenantId, account.username, account.roles, account.disabled],
  );
}

/** A password hash, written in the transaction of the event that registers its user or changes its password. */
export async function saveCredential(tx: PoolClient, credential: Credential): Promise<void> {
  await tx.query(
    `INSERT INTO tenancy.credentials (user_id, password_hash, changed_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, changed_at = now()`,
    [credential.userId, credential.passwordHash],
  );
}

/** Deletes the password hashes of these users (erased: nothing of theirs is kept that could sign in). */
export async function dropCredentials(tx: PoolClient, userIds: readonly string[]): Promise<void> {
  if (userIds.length > 0)
    await tx.query(`DELETE FROM tenancy.credentials WHERE user_id::text = ANY($1::text[])`, [userIds]);
}
