import type { StaffAvailabilityChangedV1 } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { keepAvailability } from '../infrastructure/availability.repository';

export const AVAILABILITY_CONSUMER = 'orders-staff-availability';

/**
 * Staff's `StaffAvailabilityChanged` → the person's working slots and approved leave, as the staff service
 * declares the payload (libs/contracts/src/events/staff-people.events.ts, StaffAvailabilityChangedV1).
 */
export async function availabilityProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || event.type !== 'StaffAvailabilityChanged') return;
  await keepAvailability(tx, tenantId, event.data as StaffAvailabilityChangedV1);
}
