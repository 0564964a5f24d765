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
import type { OrdersPolicy } from '../domain/order/order.state';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import {
  assertOrderable,
  type CustomerStanding,
  mayWritePersonalText,
} from '../domain/customer/known-customer';

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

/**
 * How long (ms) a new order waits for its customer's registration to reach orders (customers' events, through the
 * log or Kafka) before answering 404 ORDERS.CUSTOMER_NOT_FOUND (config CUSTOMER_ARRIVAL_WAIT_MS); polled every
 * CUSTOMER_POLL_MS.
 */
export const CUSTOMER_ARRIVAL_WAIT = Symbol('orders customer arrival wait');
const CUSTOMER_POLL_MS = 50;

/** What an erased customer's personal text is recorded as (nothing): the views leave it out. */
export const NOT_RECORDED = '';

/** Order streams sealed with the customer's data key (the subject, address and problem description: SEALED_PATHS). */
@Injectable()
export class OrderStore {
  constructor(
    readonly runtime: EventSourcingRuntime,
    readonly cipher: PersonalDataCipher,
    readonly facts: OrderFacts,
    @Inject(DurableTimers) readonly timers: DurableTimers,
    @Inject(CUSTOMER_ARRIVAL_WAIT) private readonly customerArrivalWaitMs: number,
  ) {}

  /**
   * Seals with the customer's key; opens what it can, leaves the rest sealed (a value the erasure's destroyed key
   * sealed stays sealed: the views leave it out). Without a key (the customer erased) an order still moves on
   * (cancelled, worked, completed) but their personal text is not recorded: NOT_RECORDED in its place.
   */
  codec(customerId: string, key: Buffer | undefined): EventCodec<OrderEvent> {
    const { cipher } = this;
    return {
      encode: (e) => ({
        type: e.type,
        data: mapSealed(e.data, SEALED_PATHS[e.type], (v) =>
          key ? cipher.seal(key, customerId, v) : NOT_RECORDED,
        ),
      }),
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

  /** How orders knows the customer from customers' events (known_customers); undefined: not heard of yet. */
  async standingOf(tenantId: string, customerId: string): Promise<CustomerStanding | undefined> {
    const { rows } = await this.runtime.store.pool.query<{ status: CustomerStanding }>(
      'SELECT status FROM orders.known_customers WHERE customer_id = $1 AND tenant_id = $2',
      [customerId, tenantId],
    );
    return rows[0]?.status;
  }

  /**
   * The key to write the customer's personal text with: made on first use, but never for an erased customer (a new
   * key would start their personal data over): then none, and the codecs record nothing personal (NOT_RECORDED).
   */
  async writingKey(tenantId: string, customerId: string): Promise<Buffer | undefined> {
    const standing = await this.standingOf(tenantId, customerId);
    return mayWritePersonalText(standing) ? this.cipher.keyFor(customerId) : undefined;
  }

  /**
   * The customer's standing for a new order, waiting up to CUSTOMER_ARRIVAL_WAIT for a customer orders has not
   * heard of (registered a moment ago, their event on its way): answered at once for one it knows.
   */
  async standingOnArrival(tenantId: string, customerId: string): Promise<CustomerStanding | undefined> {
    const until = Date.now() + this.customerArrivalWaitMs;
    for (;;) {
      const standing = await this.standingOf(tenantId, customerId);
      if (standing !== undefined || Date.now() >= until) return standing;
      await new Promise((resolve) => setTimeout(resolve, CUSTOMER_POLL_MS));
    }
  }

  /**
   * A new order's codec: only for a customer customers registered in this tenant (404 ORDERS.CUSTOMER_NOT_FOUND)
   * and did not erase (422 ORDERS.CUSTOMER_ERASED); no key is made otherwise.
   */
  async codecForNew(tenantId: string, customerId: string): Promise<EventCodec<OrderEvent>> {
    assertOrderable(customerId, await this.standingOnArrival(tenantId, customerId));
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
      case 'OrderReassigned':
        // Out of the previous person's load, into the new one's, at the slot it has now (moved or kept).
        await tx.query(
          `UPDATE orders.order_list SET staff_id = $2, slot_start = $3, slot_end = $4 WHERE order_id = $1`,
          [e.data.orderId, e.data.staffId, e.data.slot.start, e.data.slot.end],
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
