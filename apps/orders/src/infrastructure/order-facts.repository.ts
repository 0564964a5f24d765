import type { ContractEntitlementsPublishedV1, ContractKind, Role } from '@serviceops/contracts';
import { Injectable } from '@nestjs/common';
import { type BusinessCalendar, defaultBusinessCalendar } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';
import { Pool, type PoolClient } from 'pg';
import type { EntitlementFacts, LeaseFacts } from '../domain/order/order.state';
import type { EligibilityChange } from '../domain/dispatch/eligibility';
import type { StaffFacts } from '../domain/dispatch/candidates';
import type { Slot } from '../domain/order/order.state';
import { overlaps } from '../domain/booking/booking.decider';

/** Answered when a person is asked for by id and staff's events never made them known to orders here. */
export const StaffLookupErrorCode = { STAFF_NOT_FOUND: 'ORDERS.STAFF_NOT_FOUND' } as const;

/** Contracts' kind of a lease (its entitlement names it). */
const RENTAL_LEASE: ContractKind = 'rental_lease';

/** The order list's row, as the queries and the dispatch queue read it. */
export interface OrderRow {
  readonly orderId: string;
  readonly customerId: string;
  readonly version: number;
  readonly status: string;
  readonly line: string;
  readonly kind: string;
  readonly serviceType: string;
  readonly zone: string;
  readonly receivedAt: string;
  readonly arrivalWithinBusinessHours: number;
  readonly staffId?: string;
  readonly slot?: Slot;
  readonly dispatchedAt?: string;
}

/**
 * What orders keep of other services' events (tenancy's calendars, staff's eligibility, contracts'
 * entitlements) and of their own orders: read here, written by the projections and the handlers' inline step.
 */
@Injectable()
export class OrderFacts {
  constructor(private readonly pool: Pool) {}

  async calendarOf(tenantId: string): Promise<BusinessCalendar> {
    const { rows } = await this.pool.query<{ calendar: BusinessCalendar }>(
      'SELECT calendar FROM orders.known_calendars WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.calendar ?? defaultBusinessCalendar;
  }

  /** The contract's latest entitlement, its sessions left less those orders registered since it was published. */
  async entitlementOf(tenantId: string, contractId: string): Promise<EntitlementFacts | undefined> {
    const { rows } = await this.pool.query<{
      customer_id: string;
      line: string;
      effective_from: string;
      end_date: string;
      sessions_left: number | null;
      warranty: { products: string[]; from: string; to: string } | null;
      used: string;
    }>(
      `SELECT e.*, (SELECT count(*) FROM orders.order_list o WHERE o.tenant_id = e.tenant_id
                      AND o.contract_id = e.contract_id AND o.received_at > e.published_at) AS used
       FROM orders.entitlements e WHERE e.tenant_id = $1 AND e.contract_id = $2`,
      [tenantId, contractId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      contractId,
      customerId: r.customer_id,
      line: r.line,
      effectiveFrom: r.effective_from,
      endDate: r.end_date,
      sessionsLeft: r.sessions_left === null ? null : r.sessions_left - Number(r.used),
      warranty: r.warranty,
    };
  }

  /** The customer's rental leases (contracts' entitlements of kind rental_lease), whether in force or not. */
  async leasesOf(tenantId: string, customerId: string): Promise<LeaseFacts[]> {
    const { rows } = await this.pool.query<{ contract_id: string; effective_from: string; end_date: string }>(
      `SELECT contract_id, effective_from, end_date FROM orders.entitlements
        WHERE tenant_id = $1 AND customer_id = $2 AND kind = $3 ORDER BY contract_id`,
      [tenantId, customerId, RENTAL_LEASE],
    );
    return rows.map((r) => ({
      contractId: r.contract_id,
      customerId,
      effectiveFrom: r.effective_from,
      endDate: r.end_date,
    }));
  }

  /** 404 ORDERS.STAFF_NOT_FOUND unless staff's events made the person known to orders in this tenant. */
  async assertKnownStaff(tenantId: string, staffId: string): Promise<void> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM orders.staff_eligibility WHERE tenant_id = $1 AND staff_id = $2 LIMIT 1',
      [tenantId, staffId],
    );
    if (!rowCount)
      throw new ProblemError(StaffLookupErrorCode.STAFF_NOT_FOUND, 'no such staff member in this tenant');
  }

  async eligibilityOf(
    tenantId: string,
    staffIds?: readonly string[],
  ): Promise<Map<string, EligibilityChange[]>> {
    const { rows } = await this.pool.query<{
      staff_id: string;
      since: Date;
      eligible: boolean;
      reasons: EligibilityChange['reasons'];
    }>(
      `SELECT staff_id, since, eligible, reasons FROM orders.staff_eligibility
       WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR staff_id = ANY($2::uuid[])) ORDER BY staff_id, since`,
      [tenantId, staffIds ?? null],
    );
    const out = new Map<string, EligibilityChange[]>();
    for (const r of rows) {
      const list = out.get(r.staff_id) ?? [];
      list.push({
        staffId: r.staff_id,
        since: r.since.toISOString(),
        eligible: r.eligible,
        reasons: r.reasons,
      });
      out.set(r.staff_id, list);
    }
    return out;
  }

  /** The role each person was hired into (staff's StaffMemberHired); a person whose hire orders never saw is absent. */
  async rolesOf(tenantId: string, staffIds?: readonly string[]): Promise<Map<string, Role>> {
    const { rows } = await this.pool.query<{ staff_id: string; role: Role }>(
      `SELECT staff_id, role FROM orders.staff_roles
        WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR staff_id = ANY($2::uuid[]))`,
      [tenantId, staffIds ?? null],
    );
    return new Map(rows.map((r) => [r.staff_id, r.role]));
  }

  /**
   * The request kinds staff recorded each person skilled for (StaffSkillsSet); a person without a list, or whose
   * list was cleared, is absent (their role decides).
   */
  async listedSkillsOf(tenantId: string, staffIds?: readonly string[]): Promise<Map<string, string[]>> {
    const { rows } = await this.pool.query<{ staff_id: string; kinds: string[] }>(
      `SELECT staff_id, kinds FROM orders.staff_skills
        WHERE tenant_id = $1 AND cardinality(kinds) > 0 AND ($2::uuid[] IS NULL OR staff_id = ANY($2::uuid[]))`,
      [tenantId, staffIds ?? null],
    );
    return new Map(rows.map((r) => [r.staff_id, r.kinds]));
  }

  /**
   * Every person known to orders, with eligibility over time, role, their booked slots overlapping `slot` and
   * open orders. Overlap, not the slot's UTC day: a slot may straddle UTC midnight (one day of the tenant's
   * calendar), and a booking that does may start on the UTC day before.
   */
  async staffFor(tenantId: string, slot: Slot): Promise<StaffFacts[]> {
    const [eligibility, roles, listed] = await Promise.all([
      this.eligibilityOf(tenantId),
      this.rolesOf(tenantId),
      this.listedSkillsOf(tenantId),
    ]);
    const { rows } = await this.pool.query<{
      staff_id: string;
      slot_start: Date | null;
      slot_end: Date | null;
      open: string;
    }>(
      `SELECT staff_id, slot_start, slot_end, 1 AS open FROM orders.order_list
       WHERE tenant_id = $1 AND staff_id IS NOT NULL AND status = 'dispatched'`,
      [tenantId],
    );
    return [...eligibility.entries()].map(([staffId, history]) => {
      const mine = rows.filter((r) => r.staff_id === staffId);
      const role = roles.get(staffId);
      const skills = listed.get(staffId);
      return {
        staffId,
        eligibility: history,
        ...(role === undefined ? {} : { role }),
        ...(skills === undefined ? {} : { skills }),
        load: mine.length,
        booked: mine
          .flatMap((r) =>
            r.slot_start && r.slot_end
              ? [{ start: r.slot_start.toISOString(), end: r.slot_end.toISOString() }]
              : [],
          )
          .filter((booked) => overlaps(booked, slot)),
      };
    });
  }

  async order(tenantId: string, orderId: string): Promise<OrderRow | undefined> {
    const rows = await this.orders(tenantId, { orderId }, 1);
    return rows[0];
  }

  /** Oldest first (the order of arrival), a page after `after` (received_at, order_id). */
  async orders(
    tenantId: string,
    filter: { orderId?: string; status?: string; staffId?: string; after?: { at: string; id: string } },
    limit: number,
  ): Promise<OrderRow[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT * FROM orders.order_list WHERE tenant_id = $1
         AND ($2::uuid IS NULL OR order_id = $2) AND ($3::text IS NULL OR status = $3)
         AND ($4::uuid IS NULL OR staff_id = $4)
         AND ($5::timestamptz IS NULL OR (received_at, order_id) > ($5, $6::uuid))
       ORDER BY received_at, order_id LIMIT $7`,
      [
        tenantId,
        filter.orderId ?? null,
        filter.status ?? null,
        filter.staffId ?? null,
        filter.after?.at ?? null,
        filter.after?.id ?? null,
        limit,
      ],
    );
    return rows.map(rowOf);
  }
}

function rowOf(r: Record<string, unknown>): OrderRow {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : undefined);
  const slotStart = iso(r['slot_start']);
  const slotEnd = iso(r['slot_end']);
  const dispatchedAt = iso(r['dispatched_at']);
  return {
    orderId: r['order_id'] as string,
    customerId: r['customer_id'] as string,
    version: r['version'] as number,
    status: r['status'] as string,
    line: r['line'] as string,
    kind: r['kind'] as string,
    serviceType: r['service_type'] as string,
    zone: r['zone'] as string,
    receivedAt: iso(r['received_at']) as string,
    arrivalWithinBusinessHours: Number(r['arrival_hours']),
    ...(r['staff_id'] ? { staffId: r['staff_id'] as string } : {}),
    ...(slotStart && slotEnd ? { slot: { start: slotStart, end: slotEnd } } : {}),
    ...(dispatchedAt ? { dispatchedAt } : {}),
  };
}

// --- writers, each in the caller's transaction and idempotent (a redelivered event changes nothing) -------------

export async function keepCalendar(
  tx: PoolClient,
  tenantId: string,
  calendar: BusinessCalendar,
): Promise<void> {
  await tx.query(
    `INSERT INTO orders.known_calendars (tenant_id, calendar) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET calendar = EXCLUDED.calendar`,
    [tenantId, JSON.stringify(calendar)],
  );
}

export async function keepEligibility(
  tx: PoolClient,
  tenantId: string,
  change: EligibilityChange,
): Promise<void> {
  await tx.query(
    `INSERT INTO orders.staff_eligibility (tenant_id, staff_id, since, eligible, reasons) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, staff_id, since) DO UPDATE SET eligible = EXCLUDED.eligible, reasons = EXCLUDED.reasons`,
    [tenantId, change.staffId, change.since, change.eligible, JSON.stringify(change.reasons)],
  );
}

/**
 * The request kinds a person is skilled for, as staff recorded them at `staffVersion` of their staff stream (the
 * whole list; empty clears it): a redelivered list, or an older one delivered after a newer, changes nothing.
 */
export async function keepStaffSkills(
  tx: PoolClient,
  tenantId: string,
  staffId: string,
  kinds: readonly string[],
  staffVersion: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO orders.staff_skills (tenant_id, staff_id, kinds, staff_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, staff_id) DO UPDATE SET kinds = EXCLUDED.kinds, staff_version = EXCLUDED.staff_version
     WHERE staff_skills.staff_version < EXCLUDED.staff_version`,
    [tenantId, staffId, kinds, staffVersion],
  );
}

/**
 * The role a person was hired into or changed to, at `staffVersion` of their staff stream: a redelivered event,
 * or an older one delivered after a newer, changes nothing.
 */
export async function keepStaffRole(
  tx: PoolClient,
  tenantId: string,
  staffId: string,
  role: Role,
  staffVersion: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO orders.staff_roles (tenant_id, staff_id, role, staff_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, staff_id) DO UPDATE SET role = EXCLUDED.role, staff_version = EXCLUDED.staff_version
     WHERE staff_roles.staff_version < EXCLUDED.staff_version`,
    [tenantId, staffId, role, staffVersion],
  );
}

/** What orders keep of contracts' `ContractEntitlementsPublished` (its declared payload). */
export type EntitlementRow = Pick<
  ContractEntitlementsPublishedV1,
  | 'contractId'
  | 'customerId'
  | 'kind'
  | 'line'
  | 'version'
  | 'effectiveFrom'
  | 'endDate'
  | 'sessions'
  | 'warranty'
  | 'publishedAt'
>;

/** Keeps the contract's latest version only: an older version delivered late changes nothing. */
export async function keepEntitlement(tx: PoolClient, tenantId: string, e: EntitlementRow): Promise<void> {
  await tx.query(
    `INSERT INTO orders.entitlements (tenant_id, contract_id, version, customer_id, kind, line, effective_from,
       end_date, sessions_total, sessions_left, warranty, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (tenant_id, contract_id) DO UPDATE SET version = EXCLUDED.version, customer_id = EXCLUDED.customer_id,
       kind = EXCLUDED.kind, line = EXCLUDED.line, effective_from = EXCLUDED.effective_from,
       end_date = EXCLUDED.end_date, sessions_total = EXCLUDED.sessions_total, sessions_left = EXCLUDED.sessions_left,
       warranty = EXCLUDED.warranty, published_at = EXCLUDED.published_at
     WHERE orders.entitlements.version < EXCLUDED.version`,
    [
      tenantId,
      e.contractId,
      e.version,
      e.customerId,
      e.kind,
      e.line,
      e.effectiveFrom,
      e.endDate,
      e.sessions?.total ?? null,
      e.sessions?.left ?? null,
      e.warranty === null
        ? null
        : JSON.stringify({ products: e.warranty.products, from: e.warranty.from, to: e.warranty.to }),
      e.publishedAt,
    ],
  );
}
