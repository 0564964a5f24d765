import {
  PERSONAL_TEXT,
  sealedPathsOf,
  type AppealDecidedV1,
  type RewardGrantedV1,
  type ViolationRecordedV1,
} from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';

// The register's events are what the service publishes (libs/contracts events/staff-conduct.events.ts): one shape.
// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type ViolationRecorded = Event<'ViolationRecorded', ViolationRecordedV1>;
export type AppealDecided = Event<'AppealDecided', AppealDecidedV1>;
export type RewardGranted = Event<'RewardGranted', RewardGrantedV1>;

export type DisciplineEvent = ViolationRecorded | AppealDecided | RewardGranted;

export const DISCIPLINE_EVENT_TYPES = [
  'ViolationRecorded',
  'AppealDecided',
  'RewardGranted',
] as const satisfies readonly DisciplineEvent['type'][];

/**
 * Where personal free text sits in these events (PERSONAL_TEXT.staffConduct): sealed with the staff member's key,
 * so erasing the person makes evidence and reasons unreadable everywhere, the fines and their money intact.
 */
export const DISCIPLINE_SEALED_PATHS = sealedPathsOf(DISCIPLINE_EVENT_TYPES, PERSONAL_TEXT.staffConduct);
