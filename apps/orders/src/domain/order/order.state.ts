import { ORDER_STATUSES, type OrderStatusName } from '@serviceops/contracts';
import type { RequestKind, ServiceType, Slot, Zone } from './order.commands';

/** registered → quoted → quote_accepted → dispatched → in_progress → completed; closed (quote declined); cancelled. */
export type OrderStatus = OrderStatusName;

/** The status after reaching `next`: the furthest of the two in the lifecycle (closed ends it). */
export function furthest(current: OrderStatus, next: OrderStatus): OrderStatus {
  return ORDER_STATUSES.indexOf(next) > ORDER_STATUSES.indexOf(current) ? next : current;
}

export interface Order {
  readonly status: OrderStatus;
  readonly orderId: string;
  readonly customerId: string;
  readonly kind: RequestKind;
  readonly serviceType: ServiceType;
  /** The contract the order is served under, when it names one. */
  readonly contractId?: string;
  /** A rental visit or return: the lease it is for. */
  readonly leaseContractId?: string;
  readonly zone: Zone;
  readonly receivedAt: string;
  readonly responseDueAt: string;
  readonly respondedAt?: string;
  readonly escalatedAt?: string;
  readonly arrivalWithinBusinessHours: number;
  readonly arrivalEscalatedAt?: string;
  readonly dispatch?: { readonly staffId: string; readonly slot: Slot; readonly resourceId?: string };
  /** Work started on site (the work order's start). */
  readonly startedAt?: string;
  /** Auto-dispatch attempts that found nobody (OrderAutoDispatchHeld), the latest last. */
  readonly autoDispatchHeld?: readonly string[];
  /** Cancelled (CancelOrder): the SLA stops here. */
  readonly cancelledAt?: string;
}

export type OrderState = { readonly status: 'absent' } | Order;

export const initialOrderState = (): OrderState => ({ status: 'absent' });
