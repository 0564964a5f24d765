import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { RentalVisitRecorded } from '../domain/resource/record-rental-visit';
import { markMaintenanceVisitDone } from '../infrastructure/maintenance-visits.repository';

export const MAINTENANCE_VISITS_CONSUMER = 'orders-maintenance-visits';
/** The only event the consumer acts on (the others cost no transaction). */
export const MAINTENANCE_VISITS_EVENTS = ['RentalVisitRecorded'] as const;

/**
 * Orders' own `RentalVisitRecorded` (a resource's stream) under a contract → the lease's earliest scheduled visit not
 * done yet is done by it (none left: a visit beyond the schedule). Through the consumer's inbox, and the visit's
 * order marks at most one visit, so a redelivery changes nothing.
 */
export async function maintenanceVisitsProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || event.type !== 'RentalVisitRecorded') return;
  const visit = event.data as RentalVisitRecorded['data'];
  if (!visit.contractId) return;
  await markMaintenanceVisitDone(tx, tenantId, {
    contractId: visit.contractId,
    orderId: visit.orderId,
    at: visit.at,
  });
}
