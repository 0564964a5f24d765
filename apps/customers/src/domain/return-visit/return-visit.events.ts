import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type {
  FollowUp,
  ReturnVisitOutcome,
  ReturnVisitReason,
  SatisfactionLevel,
} from './return-visit.commands';

// Instants are ISO-8601 strings (UTC), days local dates 'YYYY-MM-DD'. Free text is in clear here: the
// application seals SEALED_PATHS.

export type ReturnVisitScheduled = Event<
  'ReturnVisitScheduled',
  {
    visitId: string;
    customerId: string;
    reason: ReturnVisitReason;
    dueOn: string;
    serviceRef?: string;
    note?: string;
    scheduledAt: string;
    policyVersion: number;
  }
>;
/** `visitReason` is the scheduled visit's reason, so a process can plan the next periodic visit from the event. */
export type ReturnVisitRecorded = Event<
  'ReturnVisitRecorded',
  {
    visitId: string;
    customerId: string;
    visitReason: ReturnVisitReason;
    outcome: ReturnVisitOutcome;
    satisfaction?: SatisfactionLevel;
    feedback?: string;
    suggestions?: string;
    followUp?: FollowUp;
    recordedAt: string;
  }
>;
/** `reason` says why it was cancelled; `visitReason` is the scheduled visit's reason. */
export type ReturnVisitCancelled = Event<
  'ReturnVisitCancelled',
  { visitId: string; customerId: string; visitReason: ReturnVisitReason; reason: string; cancelledAt: string }
>;

export type ReturnVisitEvent = ReturnVisitScheduled | ReturnVisitRecorded | ReturnVisitCancelled;

/**
 * Per event type, the personal or free-text fields the application seals with the customer's key: from the one
 * list in libs/contracts (`PERSONAL_TEXT`), which the gateway's kept answers read too. Events written before a
 * field joined it keep it in clear; they are read as they are (only sealed values are opened).
 */
export const SEALED_PATHS = sealedPathsOf(
  ['ReturnVisitScheduled', 'ReturnVisitRecorded', 'ReturnVisitCancelled'],
  PERSONAL_TEXT.returnVisit,
) satisfies Record<ReturnVisitEvent['type'], readonly string[]>;
