import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';

/** Which part of the business a stream category is, on a customer's timeline. */
const KINDS: Readonly<Record<string, string>> = {
  customer: 'customer',
  inquiry: 'inquiry',
  'return-visit': 'return_visit',
  'customer-care': 'care',
};

const STREAM = /^([a-z-]+?)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-(.+)$/;

/**
 * Every event about a customer (its file, inquiries, return visits, greetings; later orders, contracts,
 * complaints from other services' topics) as a line on the customer's timeline: what and when, no values.
 */
export async function projectCustomerTimeline(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  const customerId = (event.data as { customerId?: unknown } | null)?.customerId;
  const match = STREAM.exec(event.streamId);
  const kind = match ? KINDS[match[1] ?? ''] : undefined;
  if (!tenantId || typeof customerId !== 'string' || !kind || !match?.[2]) return;
  await tx.query(
    `INSERT INTO customers.customer_timeline (event_id, tenant_id, customer_id, at, kind, type, ref_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [event.eventId, tenantId, customerId, event.recordedAt, kind, event.type, match[2]],
  );
}
