import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '@serviceops/platform';
import { Pool, type PoolClient } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { StaffMemberStanding } from '../domain/tenant/tenant.state';
import { TenancyErrorCode } from '../domain/tenant/tenant.errors';

/**
 * The staff members tenancy knows of, from staff's published events (issue 13 item 1): who exists in which
 * tenant, whether they left, and the latest version of their stream seen. Ids and a status only, nothing personal.
 * Filled by the `tenancy-staff-members` consumer from the start of staff's log.
 */
export class StaffMembers1797100000000 implements MigrationInterface {
  name = 'StaffMembers1797100000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_members (
      staff_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, status text NOT NULL,
      stream_version integer NOT NULL, left_at timestamptz)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_members`);
  }
}

/** How long a link waits for a staff member tenancy has not heard of (config STAFF_ARRIVAL_WAIT_MS). */
export const STAFF_ARRIVAL_WAIT = Symbol('tenancy staff arrival wait');
const STAFF_POLL_MS = 50;

type Db = Pick<PoolClient, 'query'>;

/** A staff member as tenancy knows them in this tenant; undefined: not heard of (or another tenant's). */
async function standingIn(db: Db, tenantId: string, staffId: string, lock = false) {
  const { rows } = await db.query<{ status: 'active' | 'left'; stream_version: number }>(
    `SELECT status, stream_version FROM tenancy.staff_members WHERE staff_id = $1 AND tenant_id = $2${
      lock ? ' FOR SHARE' : ''
    }`,
    [staffId, tenantId],
  );
  const row = rows[0];
  return row
    ? ({ status: row.status, version: row.stream_version } satisfies StaffMemberStanding)
    : undefined;
}

@Injectable()
export class StaffMembersRepository {
  constructor(
    private readonly pool: Pool,
    @Inject(STAFF_ARRIVAL_WAIT) private readonly arrivalWaitMs: number,
  ) {}

  /**
   * The staff member's standing, waiting up to STAFF_ARRIVAL_WAIT for one not heard of yet (hired a moment ago,
   * their event on its way); answered at once for one tenancy knows.
   */
  async standingOnArrival(tenantId: string, staffId: string): Promise<StaffMemberStanding | undefined> {
    const until = Date.now() + this.arrivalWaitMs;
    for (;;) {
      const standing = await standingIn(this.pool, tenantId, staffId);
      if (standing !== undefined || Date.now() >= until) return standing;
      await new Promise((resolve) => setTimeout(resolve, STAFF_POLL_MS));
    }
  }
}

/**
 * In the link's append transaction: the staff member still has not left. The row is share-locked, so a leave
 * recorded meanwhile (the leavers consumer marks the row before it closes the login) waits for this link to
 * commit, and its close then finds the link; or the leave came first and the link is refused.
 */
export async function assertNotLeft(tx: PoolClient, tenantId: string, staffId: string): Promise<void> {
  if ((await standingIn(tx, tenantId, staffId, true))?.status === 'left')
    throw new ProblemError(TenancyErrorCode.STAFF_MEMBER_LEFT, `staff member ${staffId} has left`);
}

/** Staff's event of a person, as the read model takes it (upserts: a redelivery or a replay gives the same row). */
export async function recordStaffMember(
  db: Db,
  tenantId: string,
  event: { type: string; streamVersion: number; data: unknown },
): Promise<void> {
  const { staffId } = event.data as { staffId?: unknown };
  if (typeof staffId !== 'string') return;
  switch (event.type) {
    case 'StaffMemberHired':
      await db.query(
        `INSERT INTO tenancy.staff_members (staff_id, tenant_id, status, stream_version)
         VALUES ($1, $2, 'active', $3)
         ON CONFLICT (staff_id) DO UPDATE
           SET stream_version = GREATEST(staff_members.stream_version, EXCLUDED.stream_version)`,
        [staffId, tenantId, event.streamVersion],
      );
      return;
    case 'StaffMemberLeft': {
      const { leftAt } = event.data as { leftAt?: string };
      await db.query(
        `INSERT INTO tenancy.staff_members (staff_id, tenant_id, status, stream_version, left_at)
         VALUES ($1, $2, 'left', $3, $4)
         ON CONFLICT (staff_id) DO UPDATE SET status = 'left',
           stream_version = GREATEST(staff_members.stream_version, EXCLUDED.stream_version),
           left_at = COALESCE(staff_members.left_at, EXCLUDED.left_at)`,
        [staffId, tenantId, event.streamVersion, leftAt ?? null],
      );
      return;
    }
    case 'StaffRoleChanged':
      // Only the version: a link records it, so a role change from before the link is not applied to the user.
      await db.query(
        `UPDATE tenancy.staff_members SET stream_version = GREATEST(stream_version, $2)
         WHERE staff_id = $1 AND tenant_id = $3`,
        [staffId, event.streamVersion, tenantId],
      );
      return;
    default:
      return;
  }
}
