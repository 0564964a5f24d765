import { PERSONAL_DATA_SEALED } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type { GreetingOccasion } from './care.commands';

export type GreetingDue = Event<
  'GreetingDue',
  { customerId: string; occasion: GreetingOccasion; on: string; dueAt: string; policyVersion: number }
>;

export type CareEvent = GreetingDue;

/** Per event type, the personal or free-text fields the application seals with the customer's key. */
export const SEALED_PATHS = PERSONAL_DATA_SEALED.greeting satisfies Record<
  CareEvent['type'],
  readonly string[]
>;
