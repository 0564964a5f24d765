import { Injectable } from '@nestjs/common';
import { RULES, type Event } from '@serviceops/kernel';
import { Pool, type PoolClient } from 'pg';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { hashOfSecret, newOpaqueSecret, secretMatches } from './opaque-tokens';

/**
 * Activation invitations' secrets, as SHA-256 hashes only: the secret goes to the admin once and is never stored,
 * logged or put in an event. The tenant's stream decides whether an invitation still works (latest, unused,
 * unexpired); this table only finds an invitation's user by the id the token carries.
 */
@Entity({ name: 'invitations' })
export class InvitationRow {
  @PrimaryColumn('uuid', { name: 'invitation_id' }) invitationId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('bytea', { name: 'secret_hash' }) secretHash!: Buffer;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
}

export class CreateInvitations1780000000000 implements MigrationInterface {
  name = 'CreateInvitations1780000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE invitations (
      invitation_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, user_id uuid NOT NULL,
      secret_hash bytea NOT NULL, issued_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX invitations_user ON invitations (user_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations`);
  }
}

/** A new invitation: its id, the token handed to the person (`<id>.<secret>`), and what is stored of it. */
export interface NewInvitation {
  readonly invitationId: string;
  readonly token: string;
  readonly secretHash: Buffer;
}

/** An opaque secret (opaque-tokens.ts) behind the invitation's id (the fresh id its command was mapped with). */
export function newInvitation(invitationId: string): NewInvitation {
  const secret = newOpaqueSecret();
  return { invitationId, token: `${invitationId}.${secret}`, secretHash: hashOfSecret(secret) };
}

/** A stored invitation a token names. */
export interface StoredInvitation {
  readonly invitationId: string;
  readonly tenantId: string;
  readonly userId: string;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * The invitation a token names, if its secret matches (hashes compared in constant time); undefined for any
   * token that does not, whatever the reason.
   */
  async match(token: string): Promise<StoredInvitation | undefined> {
    if (!RULES.activationToken.accepts(token)) return undefined;
    const dot = token.indexOf('.');
    const invitationId = token.slice(0, dot);
    const secret = token.slice(dot + 1);
    const { rows } = await this.pool.query<{ tenant_id: string; user_id: string; secret_hash: Buffer }>(
      `SELECT tenant_id, user_id, secret_hash FROM tenancy.invitations
        WHERE invitation_id = $1::uuid`,
      [invitationId],
    );
    const row = rows[0];
    return row && secretMatches(secret, row.secret_hash)
      ? { invitationId, tenantId: row.tenant_id, userId: row.user_id }
      : undefined;
  }
}

/** Stores a new invitation's hash in the transaction of its event, and drops the user's earlier ones. */
export async function saveInvitation(
  tx: PoolClient,
  invitation: { invitationId: string; tenantId: string; userId: string; secretHash: Buffer },
): Promise<void> {
  await tx.query(`DELETE FROM tenancy.invitations WHERE user_id = $1`, [invitation.userId]);
  await tx.query(
    `INSERT INTO tenancy.invitations (invitation_id, tenant_id, user_id, secret_hash) VALUES ($1, $2, $3, $4)`,
    [invitation.invitationId, invitation.tenantId, invitation.userId, invitation.secretHash],
  );
}

/**
 * Invitations end when their user gets a password (activated, or set by an admin), is disabled or erased: their hashes
 * are dropped in that event's transaction (the stream keeps what happened; the verdict refuses them anyway).
 */
export async function dropEndedInvitations(tx: PoolClient, events: readonly Event[]): Promise<void> {
  const ended = events.flatMap((e) =>
    e.type === 'UserPasswordChanged' || e.type === 'UserDisabled' || e.type === 'UserErased'
      ? [(e.data as { userId: string }).userId]
      : [],
  );
  if (ended.length > 0)
    await tx.query(`DELETE FROM tenancy.invitations WHERE user_id::text = ANY($1::text[])`, [ended]);
}
