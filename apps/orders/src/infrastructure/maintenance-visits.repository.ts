import type { ContractEntitlementsPublishedV1 } from '@serviceops/contracts';
import type { Pool, PoolClient } from 'pg';
import {
  maintenanceVisitStatusBounds,
  type MaintenanceVisitStatus,
} from '../domain/resource/maintenance-schedule';

/** What the schedule keeps of contracts' `ContractEntitlementsPublished` (its declared payload). */
export type ScheduleOfContract = Pick<
  ContractEntitlementsPublishedV1,
  'contractId' | 'customerId' | 'version' | 'effectiveFrom' | 'maintenanceVisitsDue'
>;

/**
 * The contract's visits due under the version just published, in the entitlement's transaction and after it
 * (keepEntitlement): only when that version is the one the entitlement now holds, so an older version delivered
 * late changes nothing. Its due days replace the visits not done yet from its effective day on (an amendment moves
 * or drops them); those done, and those due before the version took effect (it does not speak of them: contracts
 * count an amendment's visits from its effective day), stay as they were. Applied again it leaves the same rows.
 */
export async function keepMaintenanceSchedule(
  tx: PoolClient,
  tenantId: string,
  e: ScheduleOfContract,
): Promise<void> {
  const { rowCount } = await tx.query(
    'SELECT 1 FROM orders.entitlements WHERE tenant_id = $1 AND contract_id = $2 AND version = $3',
    [tenantId, e.contractId, e.version],
  );
  if (!rowCount) return;
  await tx.query(
    `DELETE FROM orders.maintenance_visits
      WHERE tenant_id = $1 AND contract_id = $2 AND visit_order_id IS NULL AND due_on >= $3::date`,
    [tenantId, e.contractId, e.effectiveFrom],
  );
  await tx.query(
    `INSERT INTO orders.maintenance_visits (tenant_id, contract_id, due_on, customer_id)
     SELECT $1, $2, unnest($3::date[]), $4 ON CONFLICT (tenant_id, contract_id, due_on) DO NOTHING`,
    [tenantId, e.contractId, e.maintenanceVisitsDue, e.customerId],
  );
}

/**
 * A rental visit recorded under the contract: its earliest visit not done yet is done by the visit's order, at its
 * time. None left: a visit beyond the schedule, nothing changes. An order that marked one already marks no other
 * (a redelivered event changes nothing).
 */
export async function markMaintenanceVisitDone(
  tx: PoolClient,
  tenantId: string,
  visit: { contractId: string; orderId: string; at: string },
): Promise<void> {
  await tx.query(
    `UPDATE orders.maintenance_visits SET visit_order_id = $3, recorded_at = $4
      WHERE (tenant_id, contract_id, due_on) = (
          SELECT tenant_id, contract_id, due_on FROM orders.maintenance_visits
           WHERE tenant_id = $1 AND contract_id = $2 AND visit_order_id IS NULL
           ORDER BY due_on LIMIT 1 FOR UPDATE)
        AND NOT EXISTS (SELECT 1 FROM orders.maintenance_visits WHERE tenant_id = $1 AND visit_order_id = $3)`,
    [tenantId, visit.contractId, visit.orderId, visit.at],
  );
}

/** A scheduled visit as kept. */
export interface MaintenanceVisitRow {
  readonly contractId: string;
  readonly customerId: string;
  readonly dueOn: string;
  readonly orderId?: string;
  readonly recordedAt?: string;
}

export interface MaintenanceVisitFilter {
  readonly contractId?: string;
  readonly status?: MaintenanceVisitStatus;
  /** Due before this local day. */
  readonly dueBefore?: string;
  /** After this (due day, contract) in the list's order: the cursor's. */
  readonly after?: { readonly dueOn: string; readonly contractId: string };
}

/** The tenant's scheduled visits, soonest first (due day, contract), `limit` of them; status as on `today`. */
export async function maintenanceVisits(
  pool: Pool,
  tenantId: string,
  filter: MaintenanceVisitFilter,
  today: string,
  limit: number,
): Promise<MaintenanceVisitRow[]> {
  const bounds = filter.status ? maintenanceVisitStatusBounds(filter.status, today) : undefined;
  const { rows } = await pool.query<{
    contract_id: string;
    customer_id: string;
    due_on: string;
    visit_order_id: string | null;
    recorded_at: Date | null;
  }>(
    `SELECT contract_id, customer_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, visit_order_id, recorded_at
       FROM orders.maintenance_visits WHERE tenant_id = $1
        AND ($2::uuid IS NULL OR contract_id = $2)
        AND ($3::boolean IS NULL OR (visit_order_id IS NOT NULL) = $3)
        AND ($4::date IS NULL OR due_on < $4) AND ($5::date IS NULL OR due_on >= $5)
        AND ($6::date IS NULL OR due_on < $6)
        AND ($7::date IS NULL OR (due_on, contract_id) > ($7, $8::uuid))
      ORDER BY due_on, contract_id LIMIT $9`,
    [
      tenantId,
      filter.contractId ?? null,
      bounds?.done ?? null,
      bounds?.dueBefore ?? null,
      bounds?.dueFrom ?? null,
      filter.dueBefore ?? null,
      filter.after?.dueOn ?? null,
      filter.after?.contractId ?? null,
      limit,
    ],
  );
  return rows.map((r) => ({
    contractId: r.contract_id,
    customerId: r.customer_id,
    dueOn: r.due_on,
    ...(r.visit_order_id && r.recorded_at
      ? { orderId: r.visit_order_id, recordedAt: r.recorded_at.toISOString() }
      : {}),
  }));
}
