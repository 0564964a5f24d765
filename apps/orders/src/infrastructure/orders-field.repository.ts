import { Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { ChatSessionEvent } from '../domain/chat/chat-session.decider';
import type { CompanionEvent } from '../domain/chat/companion.decider';
import type { CompanionLoad, Waiting } from '../domain/chat/chat.rules';
import type { OpenOrder, WorkDone } from '../domain/report/daily-report';

/** A row of the order index (orders' own events, projected). */
export interface OrderIndexRow {
  readonly orderId: string;
  readonly version: number;
  readonly status: string;
  readonly customerId: string;
  readonly line: string;
  readonly kind: string;
  readonly serviceType: string;
  readonly zone: string;
  readonly receivedAt: string;
  readonly wantedAt: string;
  readonly arrivalWithinBusinessHours: number;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly slot?: { readonly start: string; readonly end: string };
  readonly dispatchedAt?: string;
  /** Work started on site (from OrderCompleted): the arrival the SLA is met by. */
  readonly arrivedAt?: string;
  readonly completedAt?: string;
  readonly hours?: number;
  /** Cancelled (CancelOrder): the SLA stops then. */
  readonly cancelledAt?: string;
}

export interface OrderIndexFilter {
  readonly status?: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  /** The order's day: its slot's start once dispatched, else the time wanted, within [start, end). */
  readonly day?: { readonly start: Date; readonly end: Date };
  /** Newest first: after this (receivedAt, id). */
  readonly after?: { readonly at: Date; readonly id: string };
}

interface Row {
  order_id: string;
  version: number;
  status: string;
  customer_id: string;
  line: string;
  kind: string;
  service_type: string;
  zone: string;
  received_at: Date;
  wanted_at: Date;
  arrival_hours: string;
  staff_id: string | null;
  resource_id: string | null;
  slot_start: Date | null;
  slot_end: Date | null;
  dispatched_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  hours: string | null;
  cancelled_at: Date | null;
}

const iso = (d: Date | null) => (d ? { value: d.toISOString() } : undefined);

function rowOf(r: Row): OrderIndexRow {
  const slotStart = iso(r.slot_start);
  const slotEnd = iso(r.slot_end);
  return {
    orderId: r.order_id,
    version: r.version,
    status: r.status,
    customerId: r.customer_id,
    line: r.line,
    kind: r.kind,
    serviceType: r.service_type,
    zone: r.zone,
    receivedAt: r.received_at.toISOString(),
    wantedAt: r.wanted_at.toISOString(),
    arrivalWithinBusinessHours: Number(r.arrival_hours),
    ...(r.staff_id ? { staffId: r.staff_id } : {}),
    ...(r.resource_id ? { resourceId: r.resource_id } : {}),
    ...(slotStart && slotEnd ? { slot: { start: slotStart.value, end: slotEnd.value } } : {}),
    ...(r.dispatched_at ? { dispatchedAt: r.dispatched_at.toISOString() } : {}),
    ...(r.started_at ? { arrivedAt: r.started_at.toISOString() } : {}),
    ...(r.completed_at ? { completedAt: r.completed_at.toISOString() } : {}),
    ...(r.hours !== null ? { hours: Number(r.hours) } : {}),
    ...(r.cancelled_at ? { cancelledAt: r.cancelled_at.toISOString() } : {}),
  };
}

/** The order index and the chat tables: reads for lists and reports, rows kept in step with chat streams. */
@Injectable()
export class OrdersFieldRepository {
  constructor(private readonly pool: Pool) {}

  /** A page of the index, newest first (received, then id), `limit` rows from `after`. */
  async orders(tenantId: string, filter: OrderIndexFilter, limit: number): Promise<OrderIndexRow[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM orders.order_index
        WHERE tenant_id = $1
          AND ($2::text IS NULL OR status = $2)
          AND ($3::uuid IS NULL OR staff_id = $3)
          AND ($4::uuid IS NULL OR resource_id = $4)
          AND ($5::timestamptz IS NULL OR (COALESCE(slot_start, wanted_at) >= $5 AND COALESCE(slot_start, wanted_at) < $6))
          AND ($7::timestamptz IS NULL OR (received_at, order_id) < ($7, $8::uuid))
        ORDER BY received_at DESC, order_id DESC
        LIMIT $9`,
      [
        tenantId,
        filter.status ?? null,
        filter.staffId ?? null,
        filter.resourceId ?? null,
        filter.day?.start ?? null,
        filter.day?.end ?? null,
        filter.after?.at ?? null,
        filter.after?.id ?? null,
        limit,
      ],
    );
    return rows.map(rowOf);
  }

  /** Orders completed within [start, end), of one person or everyone. */
  async workDone(tenantId: string, range: { start: Date; end: Date }, staffId?: string): Promise<WorkDone[]> {
    const { rows } = await this.pool.query<Row & { duration_minutes: number | null }>(
      `SELECT * FROM orders.order_index WHERE tenant_id = $1 AND completed_at >= $2 AND completed_at < $3
         AND ($4::uuid IS NULL OR staff_id = $4) ORDER BY completed_at, order_id`,
      [tenantId, range.start, range.end, staffId ?? null],
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      staffId: r.staff_id ?? '',
      kind: r.kind,
      hours: Number(r.hours ?? 0),
      durationMinutes: r.duration_minutes ?? 0,
    }));
  }

  /**
   * Orders received before `before` and not completed or cancelled by then, of one person or everyone; closed ones
   * are not open.
   */
  async openOrders(tenantId: string, before: Date, staffId?: string): Promise<OpenOrder[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM orders.order_index WHERE tenant_id = $1 AND received_at < $2 AND status <> 'closed'
         AND (completed_at IS NULL OR completed_at >= $2) AND (cancelled_at IS NULL OR cancelled_at >= $2)
         AND ($3::uuid IS NULL OR staff_id = $3)`,
      [tenantId, before, staffId ?? null],
    );
    return rows.map(rowOf).map((r) => ({
      orderId: r.orderId,
      receivedAt: r.receivedAt,
      arrivalWithinBusinessHours: r.arrivalWithinBusinessHours,
      kind: r.kind,
      ...(r.staffId ? { staffId: r.staffId } : {}),
      ...(r.dispatchedAt ? { dispatchedAt: r.dispatchedAt } : {}),
      ...(r.cancelledAt ? { cancelledAt: r.cancelledAt } : {}),
    }));
  }

  /** The first `limit` waiting in a queue, FIFO. */
  async waiting(tenantId: string, line: string, branchId: string | null, limit: number): Promise<Waiting[]> {
    const { rows } = await this.pool.query<{ session_id: string; queued_at: Date }>(
      `SELECT session_id, queued_at FROM orders.chat_queue
        WHERE tenant_id = $1 AND line = $2 AND branch_id = $3 AND status = 'waiting'
        ORDER BY queued_at, session_id LIMIT $4`,
      [tenantId, line, branchId ?? '', limit],
    );
    return rows.map((r) => ({ sessionId: r.session_id, queuedAt: r.queued_at.toISOString() }));
  }

  /** Companions on duty for a queue, with their load. */
  async companions(tenantId: string, line: string, branchId: string | null): Promise<CompanionLoad[]> {
    const { rows } = await this.pool.query<{
      staff_id: string;
      capacity: number;
      active: number;
      idle_since: Date;
    }>(
      `SELECT staff_id, capacity, active, idle_since FROM orders.chat_companions
        WHERE tenant_id = $1 AND line = $2 AND branch_id = $3 AND capacity > 0`,
      [tenantId, line, branchId ?? ''],
    );
    return rows.map((r) => ({
      staffId: r.staff_id,
      capacity: r.capacity,
      active: r.active,
      idleSince: r.idle_since.toISOString(),
    }));
  }
}

/** The queue's row of a chat session, in the append's transaction. */
export async function keepChatQueueRow(
  tx: PoolClient,
  tenantId: string,
  events: readonly ChatSessionEvent[],
): Promise<void> {
  for (const e of events)
    switch (e.type) {
      case 'ChatQueued':
        await tx.query(
          `INSERT INTO orders.chat_queue (session_id, tenant_id, line, branch_id, status, queued_at)
           VALUES ($1, $2, $3, $4, 'waiting', $5)`,
          [e.data.sessionId, tenantId, e.data.line, e.data.branchId ?? '', e.data.queuedAt],
        );
        break;
      case 'ChatCompanionAllocated':
        await tx.query(
          `UPDATE orders.chat_queue SET status = 'allocated', companion_id = $2 WHERE session_id = $1`,
          [e.data.sessionId, e.data.companionId],
        );
        break;
      case 'ChatStarted':
      case 'ChatEnded':
        await tx.query(`UPDATE orders.chat_queue SET status = $2 WHERE session_id = $1`, [
          e.data.sessionId,
          e.type === 'ChatStarted' ? 'active' : 'ended',
        ]);
        break;
      case 'ChatQualityScored':
        break;
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
}

/** The companion's row (capacity, load, idle since), in the append's transaction. */
export async function keepCompanionRow(
  tx: PoolClient,
  tenantId: string,
  events: readonly CompanionEvent[],
): Promise<void> {
  for (const e of events)
    switch (e.type) {
      case 'CompanionCapacitySet':
        await tx.query(
          `INSERT INTO orders.chat_companions (tenant_id, staff_id, line, branch_id, capacity, active, idle_since)
           VALUES ($1, $2, $3, $4, $5, 0, $6)
           ON CONFLICT (tenant_id, staff_id) DO UPDATE SET line = $3, branch_id = $4, capacity = $5`,
          [tenantId, e.data.staffId, e.data.line, e.data.branchId ?? '', e.data.capacity, e.data.setAt],
        );
        break;
      case 'CompanionChatAssigned':
        await tx.query(
          `UPDATE orders.chat_companions SET active = active + 1, idle_since = $3 WHERE tenant_id = $1 AND staff_id = $2`,
          [tenantId, e.data.staffId, e.data.assignedAt],
        );
        break;
      case 'CompanionChatReleased':
        await tx.query(
          `UPDATE orders.chat_companions SET active = GREATEST(active - 1, 0), idle_since = $3
            WHERE tenant_id = $1 AND staff_id = $2`,
          [tenantId, e.data.staffId, e.data.releasedAt],
        );
        break;
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
}
