import type { CustomerRegisteredV1 } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';

export const CUSTOMER_STATS_CONSUMER = 'analytics-customer-stats';

/** Customers per tenant and intake channel. The inbox makes a redelivered event count once. */
export async function projectCustomerStats(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  if (event.type !== 'CustomerRegistered' || !event.metadata.tenantId) return;
  const { channel } = event.data as CustomerRegisteredV1;
  await tx.query(
    `INSERT INTO analytics.customer_stats (tenant_id, channel, customers, updated_at) VALUES ($1, $2, 1, $3)
     ON CONFLICT (tenant_id, channel) DO UPDATE
       SET customers = customer_stats.customers + 1, updated_at = GREATEST(customer_stats.updated_at, EXCLUDED.updated_at)`,
    [event.metadata.tenantId, channel, event.recordedAt],
  );
}
