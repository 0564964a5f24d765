import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@serviceops/kernel';
import {
  DurableTimers,
  EventSourcingRuntime,
  isSealed,
  mapSealed,
  PersonalDataCipher,
  ProblemError,
  type EventCodec,
} from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { orderStreamId } from '../domain/order/order.decider';
import { SEALED_PATHS, type OrderEvent } from '../domain/order/order.events';
import type { OrdersPolicy } from '../domain/order/order.commands';
import { OrderFacts } from '../infrastructure/order-facts.repository';

export const FIRST_RESPONSE_TIMER = 'order-first-response';
export const firstResponseTimerId = (orderId: string): string => `${FIRST_RESPONSE_TIMER}:${orderId}`;
export const ARRIVAL_RISK_TIMER = 'order-arrival-risk';
export const arrivalRiskTimerId = (orderId: string): string => `${ARRIVAL_RISK_TIMER}:${orderId}`;
export const AUTO_DISPATCH_TIMER = 'order-auto-dispatch';
export const autoDispatchTimerId = (orderId: string): string => `${AUTO_DISPATCH_TIMER}:${orderId}`;
/**
 * Every timer an order may have pending, as id prefixes: the first response (one id), the arrival checks (one
 * per warning time, `<arrivalRiskTimerId>:<instant>`) and the auto-dispatch (its first attempt and the next
 * mornings' after a hold). A cancelled order disarms them all.
 */
export const orderTimerPrefixes = (orderId: string): readonly string[] => [
  firstResponseTimerId(orderId),
  `${arrivalRiskTimerId(orderId)}:`,
  autoDispatchTimerId(orderId),
];

/**
 * The orders policy in force. Versioned per tenant in the design (issue 15); until its commands exist every
 * tenant runs version 0, the seeds' values: arrival within 6 working hours in town, 7 in the suburbs, a first
 * response within 24 hours.
 */
export const DEFAULT_ORDERS_POLICY: OrdersPolicy = {
  version: 0,
  arrivalWithinBusinessHours: { town: 6, suburb: 7 },
  firstResponseWithinHours: 24,
};

/** The service's clock (the system's in production; a test's FixedClock in integration tests). */
export const CLOCK = Symbol('orders clock');

export const notFoundOrder = () => new ProblemError('ORDERS.ORDER_NOT_FOUND', 'no such order');

/** Order streams sealed with the customer's data key (the address and the problem description). */
@Injectable()
export class OrderStore {
  constructor(
    readonly runtime: EventSourcingRuntime,
    readonly cipher: PersonalDataCipher,
    readonly facts: OrderFacts,
    @Inject(DurableTimers) readonly timers: DurableTimers,
  ) {}

  /** Seals with the customer's key (made on first use); opens what it can, leaves the rest sealed. */
  codec(customerId: string, key: Buffer | undefined): EventCodec<OrderEvent> {
    const { cipher } = this;
    return {
      encode: (e) => {
        if (!key) throw new Error(`no data key for customer ${customerId}`);
        return {
          type: e.type,
          data: mapSealed(e.data, SEALED_PATHS[e.type], (v) => cipher.seal(key, customerId, v)),
        };
      },
      decode: (stored) => {
        const e = stored as unknown as OrderEvent;
        const paths = SEALED_PATHS[e.type] ?? [];
        return {
          ...e,
          data: mapSealed(e.data, paths, (v) => (key && isSealed(v) ? cipher.open(key, customerId, v) : v)),
        } as OrderEvent;
      },
    };
  }

  async codecForNew(customerId: string): Promise<EventCodec<OrderEvent>> {
    return this.codec(customerId, await this.cipher.keyFor(customerId));
  }

  /** The order's codec: its customer from the order list (written with the stream), 404 for an unknown id. */
  async codecOf(
    tenantId: string,
    orderId: string,
  ): Promise<{ customerId: string; codec: EventCodec<OrderEvent> }> {
    const row = await this.facts.order(tenantId, orderId);
    if (!row) throw notFoundOrder();
    return {
      customerId: row.customerId,
      codec: this.codec(row.customerId, await this.cipher.load(row.customerId)),
    };
  }

  /** The order's events, those recorded up to `asOf` when given (an order not yet registered then: 404). */
  async load(
    tenantId: string,
    orderId: string,
    asOf?: Date,
  ): Promise<{ events: RecordedEvent[]; decoded: OrderEvent[] }> {
    const { codec } = await this.codecOf(tenantId, orderId);
    const { events } = await this.runtime.store.readStream(orderStreamId(tenantId, orderId), {
      ...(asOf ? { asOf } : {}),
    });
    if (events.length === 0) throw notFoundOrder();
    return { events, decoded: events.map((e) => codec.decode(e)) };
  }
}

/**
 * Keeps the order list's row in step with the order's stream, in the append's transaction. `version` null: one
 * more than the row's (a dispatch, whose joint append does not pass the new version on).
 */
export async function keepOrderRow(
  tx: PoolClient,
  tenantId: string,
  version: number | null,
  events: readonly OrderEvent[],
) {
  for (const e of events) {
    switch (e.type) {
      case 'RequestRegistered': {
        const d = e.data;
        await tx.query(
          `INSERT INTO orders.order_list (order_id, tenant_id, customer_id, version, status, line, kind, service_type,
             zone, contract_id, received_at, arrival_hours, lease_contract_id)
           VALUES ($1, $2, $3, $4, 'registered', $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            d.orderId,
            tenantId,
            d.customerId,
            version,
            d.line,
            d.kind,
            d.serviceType,
            d.zone,
            d.contractId ?? null,
            d.receivedAt,
            d.arrivalWithinBusinessHours,
            d.leaseContractId ?? null,
          ],
        );
        break;
      }
      case 'OrderDispatched':
        await tx.query(
          `UPDATE orders.order_list SET status = 'dispatched', staff_id = $2, slot_start = $3, slot_end = $4,
             dispatched_at = $5 WHERE order_id = $1`,
          [e.data.orderId, e.data.staffId, e.data.slot.start, e.data.slot.end, e.data.dispatchedAt],
        );
        break;
      case 'OrderCancelled':
        // Out of the dispatch queue (registered) and of the person's load (dispatched).
        await tx.query(
          `UPDATE orders.order_list SET status = 'cancelled', cancelled_at = $2 WHERE order_id = $1`,
          [e.data.orderId, e.data.cancelledAt],
        );
        break;
      case 'RequestResponded':
      case 'RequestResponseOverdue':
      case 'OrderArrivalAtRisk':
      case 'OrderQuoted':
      case 'OrderQuoteAccepted':
      case 'OrderClosed':
      case 'OrderWorkStarted':
      case 'OrderWorkCompleted':
      case 'MaintenanceVisitCompleted':
      case 'OrderAutoDispatchHeld':
        break; // the row keeps no more of them than the version (the work order's events set closed, completed)
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
    await tx.query(
      'UPDATE orders.order_list SET version = COALESCE($2::int, version + 1) WHERE order_id = $1',
      [e.data.orderId, version],
    );
  }
}
