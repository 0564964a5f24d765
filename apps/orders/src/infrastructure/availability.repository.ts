import type { StaffAvailabilityChangedV1 } from '@serviceops/contracts';
import type { Pool, PoolClient } from 'pg';
import type { AvailabilityInterval } from '../domain/dispatch/availability';

/**
 * Keeps a change of a person's availability in the projection's transaction: the latest change of an interval
 * wins (by `changedAt`), so a redelivered or late event changes nothing.
 */
export async function keepAvailability(
  tx: PoolClient,
  tenantId: string,
  change: StaffAvailabilityChangedV1,
): Promise<void> {
  await tx.query(
    `INSERT INTO orders.staff_availability (tenant_id, interval_id, staff_id, kind, from_at, to_at, active, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, interval_id) DO UPDATE SET kind = EXCLUDED.kind, from_at = EXCLUDED.from_at,
       to_at = EXCLUDED.to_at, active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
     WHERE orders.staff_availability.changed_at <= EXCLUDED.changed_at`,
    [
      tenantId,
      change.intervalId,
      change.staffId,
      change.kind,
      change.from,
      change.to,
      change.active,
      change.changedAt,
    ],
  );
}

/**
 * The working slots and leave of the given people (all the tenant's when none are named). Only the intervals
 * near the slot matter to a verdict, but whether a person has any working slot on record at all does too
 * (dispatch/availability), so each person's whole record is read: one row per shift or leave, small.
 */
export async function availabilityOf(
  pool: Pool,
  tenantId: string,
  staffIds?: readonly string[],
): Promise<Map<string, AvailabilityInterval[]>> {
  const { rows } = await pool.query<{
    staff_id: string;
    interval_id: string;
    kind: AvailabilityInterval['kind'];
    from_at: Date;
    to_at: Date;
    active: boolean;
    changed_at: Date;
  }>(
    `SELECT staff_id, interval_id, kind, from_at, to_at, active, changed_at FROM orders.staff_availability
     WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR staff_id = ANY($2::uuid[])) ORDER BY staff_id, from_at`,
    [tenantId, staffIds ?? null],
  );
  const out = new Map<string, AvailabilityInterval[]>();
  for (const r of rows) {
    const list = out.get(r.staff_id) ?? [];
    list.push({
      intervalId: r.interval_id,
      kind: r.kind,
      from: r.from_at.toISOString(),
      to: r.to_at.toISOString(),
      active: r.active,
      changedAt: r.changed_at.toISOString(),
    });
    out.set(r.staff_id, list);
  }
  return out;
}
