import type { PostgresEventStore } from '@serviceops/eventstore';
import { customerDecider } from '../domain/customer/customer.decider';
import type { CustomerEvent } from '../domain/customer/customer.events';
import type { CustomerState } from '../domain/customer/customer.state';
import { customerStream } from './customer-store';

/**
 * The customer's state with its personal fields left sealed: enough for its status and merges, and nothing is
 * opened (no key is loaded).
 */
export async function sealedCustomerStateOf(
  store: PostgresEventStore,
  tenantId: string,
  customerId: string,
): Promise<CustomerState> {
  const { state } = await store.aggregate<CustomerState>(
    customerStream(tenantId, customerId),
    (s, e) => customerDecider.evolve(s, e as unknown as CustomerEvent),
    customerDecider.initialState,
  );
  return state;
}

/** Whether a customer is active, merged, erased or absent. */
export async function customerStatusOf(
  store: PostgresEventStore,
  tenantId: string,
  customerId: string,
): Promise<CustomerState['status']> {
  return (await sealedCustomerStateOf(store, tenantId, customerId)).status;
}

/** Who acts when the platform itself does (a timer, a process). */
export function systemCall(tenantId: string, actor: string, correlationId: string) {
  return { tenantId, actorId: `system:${actor}`, roles: [], correlationId };
}
