import type {
  OrderCancelledV1,
  OrderClosedV1,
  OrderCompletedV1,
  OrderDispatchedV1,
  OrderReassignedV1,
  ToolLentV1,
  ToolLostChargedV1,
  ToolReturnedV1,
} from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { ORDER_ENDING_EVENTS, TOOL_ENDING_EVENTS } from '../domain/separation/separation.holdings';
import {
  holdingsOf,
  lockHoldings,
  orderDispatched,
  orderEnded,
  toolBack,
  toolLent,
} from '../infrastructure/holdings.read-model';
import type { SeparationHandlers } from './separation.handlers';

export const ORDERS_HOLDINGS_CONSUMER = 'staff-orders-holdings';

const endsOrder = (type: string): boolean => (ORDER_ENDING_EVENTS as readonly string[]).includes(type);
const endsLoan = (type: string): boolean => (TOOL_ENDING_EVENTS as readonly string[]).includes(type);

const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The read model's change for one orders event: the people whose holdings it changed. */
async function applyToHoldings(event: DeliveredEvent, tenantId: string, tx: PoolClient): Promise<string[]> {
  const at = event.recordedAt.toISOString();
  // Dispatched, or reassigned to another person (staffId is the new holder either way): the order is theirs now.
  if (event.type === 'OrderDispatched' || event.type === 'OrderReassigned') {
    const { orderId, staffId } = event.data as Partial<OrderDispatchedV1 | OrderReassignedV1>;
    if (!isId(orderId) || !isId(staffId)) return [];
    const { previous } = await orderDispatched(tx, tenantId, orderId, staffId, at);
    return previous ? [staffId, previous] : [staffId];
  }
  if (endsOrder(event.type)) {
    const { orderId } = event.data as Partial<OrderCompletedV1 | OrderClosedV1 | OrderCancelledV1>;
    if (!isId(orderId)) return [];
    const holder = await orderEnded(tx, tenantId, orderId, at);
    return holder ? [holder] : [];
  }
  if (event.type === 'ToolLent') {
    const { resourceId, borrowerId } = event.data as Partial<ToolLentV1>;
    if (!isId(resourceId) || !isId(borrowerId)) return [];
    await toolLent(tx, tenantId, resourceId, borrowerId, at);
    return [borrowerId];
  }
  if (endsLoan(event.type)) {
    const { resourceId, borrowerId } = event.data as Partial<ToolReturnedV1 | ToolLostChargedV1>;
    if (!isId(resourceId) || !isId(borrowerId)) return [];
    await toolBack(tx, tenantId, resourceId, borrowerId, at);
    return [borrowerId];
  }
  return [];
}

/**
 * Orders' events → each staff member's open orders and tools out (`staff.held_orders`, `staff.tools_out`), and for
 * a separating member the handover's "open orders" and "borrowed tools" ticked as `system:orders` once they hold
 * none. Idempotent: the inbox counts a redelivery once, the rows are upserts, and the tick is the separation
 * decider's, which gives nothing for an item ticked already (by a manager, or by an earlier delivery whose
 * consumer transaction rolled back after the tick committed).
 */
export function ordersHoldingsProcess(separation: SeparationHandlers) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    const people = await applyToHoldings(event, tenantId, tx);
    const correlationId = String(event.metadata.correlationId ?? event.eventId);
    for (const staffId of people) {
      // Under the person's lock: a separation starting meanwhile sees this change, or this sees the separation.
      await lockHoldings(tx, tenantId, staffId);
      await separation.tickHeld(tenantId, staffId, await holdingsOf(tx, tenantId, staffId), correlationId);
    }
  };
}
