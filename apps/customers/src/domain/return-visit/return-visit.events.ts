import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { ReturnVisitEvent } from './return-visit.decider';

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
export const SEALED_PATHS = sealedPathsOf(
  ['ReturnVisitScheduled', 'ReturnVisitRecorded', 'ReturnVisitCancelled'],
  PERSONAL_TEXT.returnVisit,
) satisfies Record<ReturnVisitEvent['type'], readonly string[]>;
