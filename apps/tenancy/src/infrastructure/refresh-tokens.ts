import { Inject, Injectable } from '@nestjs/common';
import { withTransaction } from '@serviceops/eventstore';
import { newId, RULES } from '@serviceops/kernel';
import type { Logger } from 'pino';
import { Pool, type PoolClient } from 'pg';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  refreshExpiry,
  revokesFamily,
  type PresentedRefresh,
  type RefreshVerdict,
} from '../domain/refresh/refresh.rules';
import { hashOfSecret, newOpaqueSecret } from './opaque-tokens';

/** One sign-in: its refresh tokens share it, its absolute expiry, and its end. */
@Entity({ name: 'refresh_families' })
export class RefreshFamilyRow {
  @PrimaryColumn('uuid', { name: 'family_id' }) familyId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('int', { name: 'token_version' }) tokenVersion!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason!: string | null;
}

/** A refresh token, as the SHA-256 of its secret only; `used_at` once exchanged for the next one. */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenRow {
  @PrimaryColumn('bytea') hash!: Buffer;
  @Column('uuid', { name: 'family_id' }) familyId!: string;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
}

export class CreateRefreshTokens1796400000000 implements MigrationInterface {
  name = 'CreateRefreshTokens1796400000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE refresh_families (
      family_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, user_id uuid NOT NULL, token_version int NOT NULL,
      created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL,
      revoked_at timestamptz, revoked_reason text)`);
    await q.query(`CREATE INDEX refresh_families_user ON refresh_families (user_id)`);
    await q.query(`CREATE TABLE refresh_tokens (
      hash bytea PRIMARY KEY, family_id uuid NOT NULL REFERENCES refresh_families ON DELETE CASCADE,
      used_at timestamptz)`);
    await q.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE refresh_families`);
  }
}

/** How refresh tokens are made here: from the config (REFRESH_TOKEN_TTL_HOURS). */
export interface RefreshSettings {
  readonly validForHours: number;
  readonly logger: Logger;
}
export const REFRESH_SETTINGS = Symbol('REFRESH_SETTINGS');

/** A refresh token handed out: the secret (once, never stored) and until when its family works. */
export interface IssuedRefresh {
  readonly refreshToken: string;
  readonly refreshExpiresAt: string;
}

/** Whose sign-in a family is. */
export interface RefreshSubject {
  readonly tenantId: string;
  readonly userId: string;
  readonly tokenVersion: number;
}

/** What presenting a refresh token came to: the verdict, and on `valid` the family's next token. */
export type RefreshExchange =
  | { readonly verdict: 'valid'; readonly family: PresentedRefresh['family']; readonly next: IssuedRefresh }
  | { readonly verdict: Exclude<RefreshVerdict, 'valid'>; readonly familyId?: string };

interface FoundRow {
  family_id: string;
  tenant_id: string;
  user_id: string;
  token_version: number;
  expires_at: Date;
  revoked_at: Date | null;
  used_at: Date | null;
}

/**
 * Refresh tokens: a family per sign-in, rotated at each use. The SHA-256 of each secret is the row's key (the
 * secret has 256 bits: finding a row by it tells nothing); the secret itself is answered once and kept nowhere.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly pool: Pool,
    @Inject(REFRESH_SETTINGS) private readonly settings: RefreshSettings,
  ) {}

  /** A new family for a sign-in at `now`, and its first token. */
  async start(subject: RefreshSubject, now = new Date()): Promise<IssuedRefresh> {
    const familyId = newId();
    const expiresAt = refreshExpiry(now, this.settings.validForHours);
    const secret = newOpaqueSecret();
    await withTransaction(this.pool, async (tx) => {
      await tx.query(
        `INSERT INTO tenancy.refresh_families (family_id, tenant_id, user_id, token_version, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [familyId, subject.tenantId, subject.userId, subject.tokenVersion, now, expiresAt],
      );
      await tx.query(`INSERT INTO tenancy.refresh_tokens (hash, family_id) VALUES ($1, $2)`, [
        hashOfSecret(secret),
        familyId,
      ]);
    });
    return { refreshToken: secret, refreshExpiresAt: expiresAt.toISOString() };
  }

  /**
   * The tenant whose sign-in `token` belongs to, if any: read without a lock, so the tenant's state can be loaded
   * before `exchange` holds one (a transaction waiting on another connection of the pool could starve it).
   */
  async tenantOf(token: string): Promise<string | undefined> {
    if (!RULES.refreshToken.accepts(token)) return undefined;
    const { rows } = await this.pool.query<{ tenant_id: string }>(
      `SELECT f.tenant_id FROM tenancy.refresh_tokens t JOIN tenancy.refresh_families f USING (family_id)
        WHERE t.hash = $1`,
      [hashOfSecret(token)],
    );
    return rows[0]?.tenant_id;
  }

  /**
   * Presents `token` at `now`: its rows are locked (a concurrent presentation of the same token waits, then finds
   * it used), `judge` gives the verdict, and in the same transaction a valid token is marked used and its
   * successor stored (same family, same expiry), or the family is revoked when the verdict ends it.
   */
  async exchange(
    token: string,
    now: Date,
    judge: (presented: PresentedRefresh | undefined) => RefreshVerdict,
  ): Promise<RefreshExchange> {
    if (!RULES.refreshToken.accepts(token)) return { verdict: 'unknown' };
    const hash = hashOfSecret(token);
    return withTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<FoundRow>(
        `SELECT f.family_id, f.tenant_id, f.user_id, f.token_version, f.expires_at, f.revoked_at, t.used_at
           FROM tenancy.refresh_tokens t JOIN tenancy.refresh_families f USING (family_id)
          WHERE t.hash = $1
          FOR UPDATE`,
        [hash],
      );
      const row = rows[0];
      const presented = row && presentedOf(row);
      const verdict = judge(presented);
      if (!presented) return { verdict: verdict === 'valid' ? 'unknown' : verdict };
      const { familyId } = presented.family;
      if (verdict !== 'valid') {
        if (revokesFamily(verdict))
          await tx.query(
            `UPDATE tenancy.refresh_families SET revoked_at = $2, revoked_reason = $3
              WHERE family_id = $1 AND revoked_at IS NULL`,
            [familyId, now, verdict],
          );
        return { verdict, familyId };
      }
      const secret = newOpaqueSecret();
      await tx.query(`UPDATE tenancy.refresh_tokens SET used_at = $2 WHERE hash = $1`, [hash, now]);
      await tx.query(`INSERT INTO tenancy.refresh_tokens (hash, family_id) VALUES ($1, $2)`, [
        hashOfSecret(secret),
        familyId,
      ]);
      const refreshExpiresAt = presented.family.expiresAt.toISOString();
      return { verdict, family: presented.family, next: { refreshToken: secret, refreshExpiresAt } };
    });
  }

  /** Ends the family of `token`, if there is one (a sign-out): nothing happens for a token that names none. */
  async revoke(token: string, now: Date, reason: string): Promise<void> {
    if (!RULES.refreshToken.accepts(token)) return;
    await this.pool.query(
      `UPDATE tenancy.refresh_families SET revoked_at = $2, revoked_reason = $3
        WHERE family_id = (SELECT family_id FROM tenancy.refresh_tokens WHERE hash = $1) AND revoked_at IS NULL`,
      [hashOfSecret(token), now, reason],
    );
  }
}

/**
 * Ends, in the caller's transaction, every sign-in of the user made at another token version than `current`, with
 * `reason`, and answers how many. Run with the append that moved the version, so no refresh family outlives it;
 * ended ones are left as they are (running it again changes nothing).
 */
export async function endOutdatedFamilies(
  tx: PoolClient,
  current: RefreshSubject,
  now: Date,
  reason: string,
): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE tenancy.refresh_families SET revoked_at = $4, revoked_reason = $5
      WHERE user_id = $2 AND tenant_id = $1 AND token_version <> $3 AND revoked_at IS NULL`,
    [current.tenantId, current.userId, current.tokenVersion, now, reason],
  );
  return rowCount ?? 0;
}

function presentedOf(row: FoundRow): PresentedRefresh {
  return {
    family: {
      familyId: row.family_id,
      tenantId: row.tenant_id,
      userId: row.user_id,
      tokenVersion: row.token_version,
      expiresAt: row.expires_at,
      ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    },
    ...(row.used_at ? { usedAt: row.used_at } : {}),
  };
}
