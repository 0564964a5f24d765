import type { Event } from './event';

/**
 * Pure business logic: `decide` turns a command and the current state into new events,
 * `evolve` folds an event into the state. Time, ids and policies come in through the context.
 */
export interface Decider<Command, E extends Event, State, Context = void> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State, context: Context) => readonly E[];
  readonly evolve: (state: State, event: E) => State;
}

export function fold<E extends Event, State>(
  evolve: (state: State, event: E) => State,
  initial: State,
  events: readonly E[],
): State {
  return events.reduce(evolve, initial);
}
