import type { CustomersPublishedEvent } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PersonalDataCipher } from '@serviceops/platform';
import type { PoolClient } from 'pg';

export const CUSTOMER_ERASURES_CONSUMER = 'contracts-customer-erasures';
/** The one event type this process acts on: the subscription passes over the rest without a transaction. */
export const CUSTOMER_ERASURE_TYPES: readonly CustomersPublishedEvent['type'][] = ['CustomerErased'];

/**
 * A customer erased in the customers service: the data key contracts keeps of them is destroyed, so the free text
 * of their contracts (clauses, signers, reasons) becomes unreadable here too, while ids, dates and money stay.
 * The customer is remembered as erased, so no contract of theirs takes personal text again (no new key is made).
 * Idempotent: destroying a key that is gone, or remembering an erasure twice, does nothing.
 */
export function forgetErasedCustomers(cipher: PersonalDataCipher) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    if (!(CUSTOMER_ERASURE_TYPES as readonly string[]).includes(event.type)) return;
    const { customerId } = event.data as { customerId?: unknown };
    if (typeof customerId !== 'string') return;
    await tx.query(
      'INSERT INTO contracts.erased_customers (customer_id) VALUES ($1) ON CONFLICT (customer_id) DO NOTHING',
      [customerId],
    );
    await cipher.destroy(tx, [customerId]);
  };
}
