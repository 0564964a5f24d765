import type { ServiceType, Slot, Zone } from './order.commands';

export type OrderStatus = 'registered' | 'dispatched';

export interface Order {
  readonly status: OrderStatus;
  readonly orderId: string;
  readonly customerId: string;
  readonly serviceType: ServiceType;
  readonly zone: Zone;
  readonly receivedAt: string;
  readonly responseDueAt: string;
  readonly respondedAt?: string;
  readonly escalatedAt?: string;
  readonly arrivalWithinBusinessHours: number;
  readonly arrivalEscalatedAt?: string;
  readonly dispatch?: { readonly staffId: string; readonly slot: Slot };
}

export type OrderState = { readonly status: 'absent' } | Order;

export const initialOrderState = (): OrderState => ({ status: 'absent' });
