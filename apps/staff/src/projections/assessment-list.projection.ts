import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { PeriodAssessed } from '../domain/assessment/assessment.decider';
import { keepAssessment } from '../infrastructure/assessment-list.read-model';

export const ASSESSMENT_LIST_CONSUMER = 'staff-assessment-list';

/** The recorded assessment results from the service's own `PeriodAssessed`: a row per event, rebuildable from zero. */
export async function projectAssessmentList(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || event.type !== 'PeriodAssessed') return;
  await keepAssessment(tx, {
    eventId: event.eventId,
    tenantId,
    recordedAt: event.recordedAt,
    data: (event as unknown as PeriodAssessed).data,
  });
}
