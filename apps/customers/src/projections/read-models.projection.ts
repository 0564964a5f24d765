import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { customerListProjection } from './customer-list.projection';
import { projectCustomerTimeline } from './customer-timeline.projection';
import { inquiriesAndVisitsProjection } from './inquiries-and-visits.projection';

export const CUSTOMER_READ_MODELS_CONSUMER = 'customers-read-models';

/**
 * The service's read models of its own events (customer list, timeline, inquiry and visit lists) under one
 * consumer: one transaction and one inbox row per event instead of one per read model. Rebuildable from zero.
 */
export function customerReadModelsProjection(dataSource: DataSource) {
  const projections = [
    customerListProjection(dataSource),
    projectCustomerTimeline,
    inquiriesAndVisitsProjection(dataSource),
  ];
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    for (const project of projections) await project(event, tx);
  };
}
