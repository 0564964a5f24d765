import { isLocalDate, useCase, type Command, type Event } from '@serviceops/kernel';
import { CareErrorCode as E, careError } from './care.errors';
import {
  GREETING_OCCASIONS,
  greetingKey,
  type CareContext,
  type CareState,
  type GreetingOccasion,
} from './care.state';

/** A daily timer's command: the same occasion on the same day twice issues one greeting. */
export type IssueGreeting = Command<
  'IssueGreeting',
  {
    readonly customerId: string;
    readonly occasion: GreetingOccasion;
    /** The local date 'YYYY-MM-DD' of the birthday or holiday. */
    readonly on: string;
  }
>;

export type GreetingDue = Event<
  'GreetingDue',
  { customerId: string; occasion: GreetingOccasion; on: string; dueAt: string; policyVersion: number }
>;

/**
 * Idempotent: a greeting already due for the same occasion and day gives no event. A customer no longer active
 * (erased, merged into another file) is not greeted, and that is no error: the daily run may have listed them
 * from a read model that had not yet seen the change, and it must go on with the others. The daily timer issues
 * it (application/care.ts): no declared method, so no `handles`.
 */
export const issueGreeting = useCase<IssueGreeting, GreetingDue, CareState, CareContext>({
  command: 'IssueGreeting',
  decide(command, state, context) {
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
  },
  evolve: {
    GreetingDue: (state, event) => ({
      issued: new Set(state.issued).add(greetingKey(event.data.occasion, event.data.on)),
    }),
  },
});
