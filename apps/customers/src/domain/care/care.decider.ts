import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { initialCareState, type CareContext, type CareState } from './care.state';
import { issueGreeting } from './issue-greeting';

export type { CareContext } from './care.state';

/** A customer's greetings: the list of their use cases, a file each beside this one. */
export const CARE_USE_CASES = [issueGreeting] as const;

export type CareCommand = CommandOf<typeof CARE_USE_CASES>;
export type CareEvent = EventOf<typeof CARE_USE_CASES>;

export const careDecider = deciderOf<typeof CARE_USE_CASES, CareState, CareContext>(
  initialCareState,
  CARE_USE_CASES,
);

/** Greetings of one customer, kept off the customer's stream so its version does not move: 'customer-care-<t>-<id>'. */
export function careStreamId(tenantId: string, customerId: string): string {
  return streamId('customer-care', tenantId, customerId);
}
