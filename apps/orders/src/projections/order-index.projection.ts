import { ORDER_STATUSES, type OrderCompletedV1, type OrderStatusName } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import {
  type OrderCancelled,
  type OrderDispatched,
  type OrderReassigned,
  type OrderWorkStarted,
  type RequestRegistered,
  STATUS_REACHED,
} from '../domain/order/order.events';

export const ORDER_INDEX_CONSUMER = 'orders-order-index';

/**
 * SQL for the row's status after reaching `$n`: the furthest in the lifecycle (ORDER_STATUSES' order, passed as
 * `$ranks`), so events of the order's and the work order's streams arriving in any order end in one status.
 */
const reach = (n: number, ranks: number) =>
  `CASE WHEN array_position($${ranks}::text[], $${n}::text) > array_position($${ranks}::text[], status)
     THEN $${n}::text ELSE status END`;
const RANKS: readonly string[] = ORDER_STATUSES;

/** The order's stream's events that move its status, with the status reached. */
const STATUS_OF: Partial<Record<string, OrderStatusName>> = STATUS_REACHED;

/**
 * The order index from orders' own events (`orders.events.v1`): what lists filter on and daily reports count.
 * Rebuildable from zero and idempotent: a registration is inserted once, a change of the order's stream applies
 * only over an older version, and a completion (OrderCompleted, by its type name: whichever stream completes the
 * order publishes it, of the shape libs/contracts declares) sets the same values however often it comes. Sealed
 * fields (address, problem) are not copied.
 */
export async function orderIndexProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  if (event.type === 'OrderCompleted') {
    const d = event.data as OrderCompletedV1;
    await tx.query(
      `UPDATE orders.order_index SET status = ${reach(9, 10)}, staff_id = $3, resource_id = COALESCE($4, resource_id),
         started_at = $5, completed_at = $6, hours = $7, duration_minutes = $8
       WHERE order_id = $1 AND tenant_id = $2`,
      [
        d.orderId,
        tenantId,
        d.staffId,
        d.resourceId ?? null,
        d.startedAt,
        d.completedAt,
        d.hours,
        d.durationMinutes,
        STATUS_REACHED.OrderWorkCompleted,
        RANKS,
      ],
    );
  }
  if (!event.streamId.startsWith('order-')) return;
  const version = event.streamVersion;
  switch (event.type) {
    case 'RequestRegistered': {
      const d = event.data as RequestRegistered['data'];
      await tx.query(
        `INSERT INTO orders.order_index (order_id, tenant_id, version, status, customer_id, line, kind, service_type,
           zone, received_at, wanted_at, arrival_hours)
         VALUES ($1, $2, $3, 'registered', $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (order_id) DO NOTHING`,
        [
          d.orderId,
          tenantId,
          version,
          d.customerId,
          d.line,
          d.kind,
          d.serviceType,
          d.zone,
          d.receivedAt,
          d.wantedAt,
          d.arrivalWithinBusinessHours,
        ],
      );
      return;
    }
    case 'OrderDispatched': {
      const d = event.data as OrderDispatched['data'];
      await tx.query(
        `UPDATE orders.order_index SET version = $2, status = ${reach(8, 9)},
           staff_id = $3, resource_id = $4, slot_start = $5, slot_end = $6, dispatched_at = $7
         WHERE order_id = $1 AND version < $2`,
        [
          d.orderId,
          version,
          d.staffId,
          d.resourceId ?? null,
          d.slot.start,
          d.slot.end,
          d.dispatchedAt,
          STATUS_REACHED.OrderDispatched,
          RANKS,
        ],
      );
      return;
    }
    case 'OrderReassigned': {
      // Moved to another person, slot or resource: lists by staff, resource and day, and the daily reports, count
      // it where it is now.
      const d = event.data as OrderReassigned['data'];
      await tx.query(
        `UPDATE orders.order_index SET version = $2, staff_id = $3, resource_id = $4, slot_start = $5, slot_end = $6
          WHERE order_id = $1 AND version < $2`,
        [d.orderId, version, d.staffId, d.resourceId ?? null, d.slot.start, d.slot.end],
      );
      return;
    }
    case 'OrderWorkStarted': {
      // Started on site: the arrival the list's SLA is met by (OrderCompleted sets the same instant again).
      const d = event.data as OrderWorkStarted['data'];
      await tx.query(
        `UPDATE orders.order_index SET version = $2, status = ${reach(4, 5)},
           started_at = COALESCE(started_at, $3) WHERE order_id = $1 AND version < $2`,
        [d.orderId, version, d.startedAt, STATUS_REACHED.OrderWorkStarted, RANKS],
      );
      return;
    }
    case 'OrderCancelled': {
      // The list's SLA state and daily reports stop counting the order from then.
      const d = event.data as OrderCancelled['data'];
      await tx.query(
        `UPDATE orders.order_index SET version = $2, status = ${reach(4, 5)}, cancelled_at = $3
         WHERE order_id = $1 AND version < $2`,
        [d.orderId, version, d.cancelledAt, STATUS_REACHED.OrderCancelled, RANKS],
      );
      return;
    }
    default: {
      // Any other event of the order's stream: the list's version (its ETag) follows, and its status when the
      // event moves it.
      const orderId = (event.data as { orderId?: unknown }).orderId;
      if (typeof orderId !== 'string') return;
      const status = STATUS_OF[event.type];
      if (status)
        await tx.query(
          `UPDATE orders.order_index SET version = $2, status = ${reach(3, 4)} WHERE order_id = $1 AND version < $2`,
          [orderId, version, status, RANKS],
        );
      else
        await tx.query('UPDATE orders.order_index SET version = $2 WHERE order_id = $1 AND version < $2', [
          orderId,
          version,
        ]);
    }
  }
}
