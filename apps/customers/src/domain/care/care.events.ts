import { PERSONAL_DATA_SEALED } from '@serviceops/contracts';
import type { CareEvent } from './care.decider';

// Each event is declared with the use case that records it (issue-greeting.ts); the union is derived from the list
// of use cases (care.decider.ts).
export type { CareEvent } from './care.decider';
export type { GreetingDue } from './issue-greeting';

/** Per event type, the personal or free-text fields the application seals with the customer's key. */
export const SEALED_PATHS = PERSONAL_DATA_SEALED.greeting satisfies Record<
  CareEvent['type'],
  readonly string[]
>;
