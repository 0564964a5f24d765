import type { CustomerStatus } from '../customer/active-customer';

export const GREETING_OCCASIONS = ['birthday', 'holiday'] as const;
export type GreetingOccasion = (typeof GREETING_OCCASIONS)[number];

export interface CareState {
  /** greetingKey(occasion, on) of every greeting already due. */
  readonly issued: ReadonlySet<string>;
}

export const initialCareState = (): CareState => ({ issued: new Set() });

export function greetingKey(occasion: GreetingOccasion, on: string): string {
  return `${occasion}:${on}`;
}

export interface CareContext {
  readonly now: Date;
  /** The customers policy version whose `care` settings made the greeting due. */
  readonly policyVersion: number;
  /** The status of the customer's file as the handler found it: only active customers are greeted. */
  readonly customer: CustomerStatus;
}
