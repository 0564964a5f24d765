import { orderError, OrderErrorCode } from '../order/order.errors';

/** A customer as orders knows them from customers' events; `undefined`: no event of theirs has reached orders. */
export type CustomerStanding = 'active' | 'merged' | 'erased';
export const CUSTOMER_STANDINGS = [
  'active',
  'merged',
  'erased',
] as const satisfies readonly CustomerStanding[];

/**
 * Whether personal text may be written for the customer (a new order, a cancellation's reason, a work order's
 * extras and summary): never once customers erased them, since a new data key would start their personal data
 * over (422 ORDERS.CUSTOMER_ERASED). A merged duplicate is still the same person, sealed under its own key, which
 * the survivor's erasure destroys with it. A customer orders has not heard of is not refused here: an existing
 * order's customer was known when it was registered.
 */
export function mayWritePersonalText(standing: CustomerStanding | undefined): boolean {
  return standing !== 'erased';
}

export const customerErased = (customerId: string) =>
  orderError(
    OrderErrorCode.CUSTOMER_ERASED,
    'the customer was erased: nothing personal is recorded of them any more',
    { customerId },
  );

export function assertNotErased(customerId: string, standing: CustomerStanding | undefined): void {
  if (!mayWritePersonalText(standing)) throw customerErased(customerId);
}

/**
 * Whether an order may be registered for the customer: one customers registered in this tenant (active, or a
 * merged duplicate: the same person), else 404 ORDERS.CUSTOMER_NOT_FOUND; an erased one, 422
 * ORDERS.CUSTOMER_ERASED. `standing` is asked after waiting a moment for customers' events (config
 * CUSTOMER_ARRIVAL_WAIT_MS), as a customer registered a moment ago may not have reached orders yet.
 */
export function assertOrderable(customerId: string, standing: CustomerStanding | undefined): void {
  if (standing === undefined)
    throw orderError(OrderErrorCode.CUSTOMER_NOT_FOUND, 'no such customer', { customerId });
  assertNotErased(customerId, standing);
}
