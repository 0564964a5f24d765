import { type Decider, isLocalDate, streamId } from '@serviceops/kernel';
import { type CareCommand, type CareContext, GREETING_OCCASIONS, type IssueGreeting } from './care.commands';
import { CareErrorCode as E, careError } from './care.errors';
import type { CareEvent } from './care.events';
import { type CareState, greetingKey, initialCareState } from './care.state';

export type { CareContext } from './care.commands';

export function decideCare(
  command: CareCommand,
  state: CareState,
  context: CareContext,
): readonly CareEvent[] {
  switch (command.type) {
    case 'IssueGreeting':
      return issueGreeting(command, state, context);
    default: {
      const unhandled: never = command.type;
      return unhandled;
    }
  }
}

/**
 * Idempotent: a greeting already due for the same occasion and day gives no event. A customer no longer active
 * (erased, merged into another file) is not greeted, and that is no error: the daily run may have listed them
 * from a read model that had not yet seen the change, and it must go on with the others.
 */
function issueGreeting(command: IssueGreeting, state: CareState, context: CareContext): CareEvent[] {
  const { customerId, occasion, on } = command.data;
  if (!(GREETING_OCCASIONS as readonly unknown[]).includes(occasion)) {
    throw careError(E.INVALID_OCCASION, `occasion must be one of ${GREETING_OCCASIONS.join(', ')}`, {
      field: 'occasion',
    });
  }
  if (!isLocalDate(on)) {
    throw careError(E.INVALID_DATE, `on must be a date YYYY-MM-DD, got "${String(on)}"`, { field: 'on' });
  }
  if (context.customer !== 'active' || state.issued.has(greetingKey(occasion, on))) return [];
  return [
    {
      type: 'GreetingDue',
      data: {
        customerId,
        occasion,
        on,
        dueAt: context.now.toISOString(),
        policyVersion: context.policyVersion,
      },
    },
  ];
}

export function evolveCare(state: CareState, event: CareEvent): CareState {
  switch (event.type) {
    case 'GreetingDue':
      return { issued: new Set(state.issued).add(greetingKey(event.data.occasion, event.data.on)) };
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}

export const careDecider: Decider<CareCommand, CareEvent, CareState, CareContext> = {
  initialState: initialCareState,
  decide: decideCare,
  evolve: evolveCare,
};

/** Greetings of one customer, kept off the customer's stream so its version does not move: 'customer-care-<t>-<id>'. */
export function careStreamId(tenantId: string, customerId: string): string {
  return streamId('customer-care', tenantId, customerId);
}
