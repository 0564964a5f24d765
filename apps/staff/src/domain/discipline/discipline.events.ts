import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { DisciplineEvent } from './discipline.decider';

// Each event is declared with the use case that records it (record-violation.ts, …); the union is derived from
// the list of use cases (discipline.decider.ts).
export type { DisciplineEvent } from './discipline.decider';
export type { ViolationRecorded } from './record-violation';
export type { AppealDecided } from './decide-appeal';
export type { RewardGranted } from './grant-reward';

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
