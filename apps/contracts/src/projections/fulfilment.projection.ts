import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { fulfilmentStep } from '../domain/performance/performance';
import { addFulfilment } from '../infrastructure/fulfilment.repository';

export const FULFILMENT_CONSUMER = 'contracts-fulfilment';

/**
 * Orders' and billing's events that fulfil a contract (by type: FULFILMENT_EVENT_TYPES), counted per contract
 * for the periodic review. Once per event: the inbox row commits with the count.
 */
export async function fulfilmentProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  const data = event.data;
  if (!tenantId || typeof data !== 'object' || data === null) return;
  const step = fulfilmentStep({ type: event.type, data: data as Record<string, unknown> });
  if (step) await addFulfilment(tx, tenantId, step);
}
