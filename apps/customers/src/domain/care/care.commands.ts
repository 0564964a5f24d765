import type { CustomerStatus } from '../customer/active-customer';

export const GREETING_OCCASIONS = ['birthday', 'holiday'] as const;
export type GreetingOccasion = (typeof GREETING_OCCASIONS)[number];

/** A daily timer's command: the same occasion on the same day twice issues one greeting. */
export interface IssueGreeting {
  readonly type: 'IssueGreeting';
  readonly data: {
    readonly customerId: string;
    readonly occasion: GreetingOccasion;
    /** The local date 'YYYY-MM-DD' of the birthday or holiday. */
    readonly on: string;
  };
}

export type CareCommand = IssueGreeting;

export interface CareContext {
  readonly now: Date;
  /** The customers policy version whose `care` settings made the greeting due. */
  readonly policyVersion: number;
  /** The status of the customer's file as the handler found it: only active customers are greeted. */
  readonly customer: CustomerStatus;
}
