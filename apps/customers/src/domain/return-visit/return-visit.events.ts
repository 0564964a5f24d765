import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { RETURN_VISIT_USE_CASES, type ReturnVisitEvent } from './return-visit.decider';

// Each event is declared with the use case that records it (schedule-return-visit.ts, …); the union is derived
// from the list of use cases (return-visit.decider.ts).
export type { ReturnVisitEvent } from './return-visit.decider';
export type { ReturnVisitCancelled } from './cancel-return-visit';
export type { ReturnVisitRecorded } from './record-return-visit';
export type { ReturnVisitScheduled } from './schedule-return-visit';

/**
 * Per event type, the personal or free-text fields the application seals with the customer's key: from the one
 * list in libs/contracts (`PERSONAL_TEXT`), which the gateway's kept answers read too. Events written before a
 * field joined it keep it in clear; they are read as they are (only sealed values are opened).
 */
export const SEALED_PATHS = sealedPathsOf(eventTypes(), PERSONAL_TEXT.returnVisit);

/** Every event type of the visit, from its use cases: each evolves its own (deciderOf refuses one claimed twice). */
function eventTypes(): ReturnVisitEvent['type'][] {
  return RETURN_VISIT_USE_CASES.flatMap((useCase) =>
    Object.keys(useCase.evolve),
  ) as ReturnVisitEvent['type'][];
}
