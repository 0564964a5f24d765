import type { CustomersPublishedEvent } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PersonalDataCipher } from '@serviceops/platform';
import type { PoolClient } from 'pg';

export const CUSTOMERS_CONSUMER = 'orders-customers';

/**
 * Customers' events (`customers.events.v1`) → `orders.known_customers`, and an erasure's crypto-shredding: on
 * `CustomerErased` the data key orders seals the customer's orders with (addresses, problems, cancellation
 * reasons, work orders' extras and summaries) is destroyed in the consumer's transaction, so nothing of theirs
 * opens again in orders, while ids, dates, statuses and money stay. Idempotent: a registration is inserted once,
 * an erasure is final (nothing moves an erased customer back) and destroying a key that is gone does nothing.
 */
export function customersProjection(cipher: PersonalDataCipher) {
  return async (delivered: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = delivered.metadata.tenantId;
    if (!tenantId) return;
    const event = delivered as unknown as CustomersPublishedEvent;
    switch (event.type) {
      case 'CustomerRegistered':
        await tx.query(
          `INSERT INTO orders.known_customers (customer_id, tenant_id, status) VALUES ($1, $2, 'active')
           ON CONFLICT (customer_id) DO NOTHING`,
          [event.data.customerId, tenantId],
        );
        return;
      case 'CustomerMerged':
        await tx.query(
          `UPDATE orders.known_customers SET status = 'merged', survivor_id = $2
           WHERE customer_id = $1 AND status <> 'erased'`,
          [event.data.customerId, event.data.survivorId],
        );
        return;
      case 'CustomerMergeUndone':
        await tx.query(
          `UPDATE orders.known_customers SET status = 'active', survivor_id = NULL
           WHERE customer_id = $1 AND status = 'merged'`,
          [event.data.customerId],
        );
        return;
      case 'CustomerErased':
        await tx.query(
          `INSERT INTO orders.known_customers (customer_id, tenant_id, status, erased_at) VALUES ($1, $2, 'erased', $3)
           ON CONFLICT (customer_id) DO UPDATE SET status = 'erased', survivor_id = NULL,
             erased_at = COALESCE(known_customers.erased_at, EXCLUDED.erased_at)`,
          [event.data.customerId, tenantId, event.data.erasedAt],
        );
        await cipher.destroy(tx, [event.data.customerId]);
        return;
      case 'CustomerContactsChanged':
        return;
      default:
        return; // customers' other events say nothing orders keeps
    }
  };
}
