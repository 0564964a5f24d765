import type { Decider } from './decider';
import type { Event } from './event';

/**
 * What a use case's `handles` mapping is given beside the request: who gives the command (the caller's user id, for
 * a command that records it) and a fresh id, made for this call, for the record a command creates (a customer, a
 * branch). The mapping stays pure: the id is made by the application and handed in.
 */
export interface Caller {
  readonly actorId: string;
  readonly newId: string;
}

/** A command as a use case takes it: its type, and its data. */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** How each event a use case records changes the state: one function per event type. */
export type EvolveCases<E extends Event, State> = {
  readonly [T in E['type']]: (state: State, event: Extract<E, { type: T }>) => State;
};

/**
 * One command of an aggregate, whole: its decision and how the events it records change the state. An aggregate
 * is the list of its use cases (`deciderOf`): its command and event unions are derived from that list by type, so a
 * new command is one new file and one line in the list, never a case added to a switch elsewhere.
 */
export interface UseCase<
  C extends Command,
  E extends Event,
  State,
  Context,
  Elsewhere extends E['type'] = never,
> {
  /** The command's type: the decider dispatches on it. */
  readonly command: C['type'];
  readonly decide: (command: C, state: State, context: Context) => readonly E[];
  /**
   * A case for each event the use case records, but those another use case of the aggregate evolves (`Elsewhere`:
   * provisioning a tenant registers its first user as registering does). An event is evolved by one use case only.
   */
  readonly evolve: EvolveCases<Exclude<E, { type: Elsewhere }>, State>;
  /**
   * The declared method (`'<service>.<Method>'`) this command serves, and how its request (as the service's proto
   * decodes it) becomes the command: the one place a request is mapped. The service's generic handler then loads,
   * decides and appends; a method that does more (several streams, a key, an index) is bound to the use case with
   * `@HandlesUseCase` and takes the command made here. A command that records who gave it (`decidedBy`…) or
   * creates a record takes a second argument, `caller: Caller` (typed `never` here so that a mapping of the
   * request alone fits too).
   */
  readonly handles?: {
    readonly rpc: string;
    readonly command: (request: never, ...caller: never[]) => C;
  };
}

/** Declares a use case with its types checked (the command, its events, the aggregate's state and context). */
export function useCase<
  C extends Command,
  E extends Event,
  State,
  Context,
  Elsewhere extends E['type'] = never,
>(useCase: UseCase<C, E, State, Context, Elsewhere>): UseCase<C, E, State, Context, Elsewhere> {
  return useCase;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- inference over a list of use cases: the types are the list's own */
type AnyUseCase = UseCase<any, any, any, any, any>;
/** The command union of a list of use cases. */
export type CommandOf<U extends readonly AnyUseCase[]> = CommandOfOne<U[number]>;
type CommandOfOne<T> = T extends { decide: (command: infer C, ...rest: any[]) => unknown } ? C : never;
/** The event union of a list of use cases. */
export type EventOf<U extends readonly AnyUseCase[]> = EventOfOne<U[number]>;
type EventOfOne<T> = T extends { decide: (...args: any[]) => readonly (infer E)[] } ? E : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

type Decide = (command: Command, state: unknown, context: unknown) => readonly Event[];
type Evolve = (state: unknown, event: Event) => unknown;

/**
 * An aggregate's decider from its use cases. A command or event type claimed by two use cases is a bug caught at
 * load; an event no use case evolves (a type retired from the code, still in old streams) leaves the state as it is.
 */
export function deciderOf<U extends readonly AnyUseCase[], State, Context>(
  initialState: () => State,
  useCases: U,
): Decider<CommandOf<U>, EventOf<U>, State, Context> {
  const decides = new Map<string, Decide>();
  const evolves = new Map<string, Evolve>();
  for (const { command, decide, evolve } of useCases as readonly UseCase<
    Command,
    Event,
    unknown,
    unknown
  >[]) {
    if (decides.has(command)) throw new Error(`two use cases decide ${command}`);
    decides.set(command, decide);
    for (const [type, apply] of Object.entries(evolve as Record<string, Evolve>)) {
      if (evolves.has(type)) throw new Error(`two use cases evolve ${type}`);
      evolves.set(type, apply);
    }
  }
  return {
    initialState,
    decide: (command, state, context) => {
      const { type } = command as Command;
      const decide = decides.get(type);
      if (!decide) throw new Error(`unknown command ${type}`);
      return decide(command, state, context) as readonly EventOf<U>[];
    },
    evolve: (state, event) => {
      const apply = evolves.get((event as Event).type);
      return apply ? (apply(state, event) as State) : state;
    },
  };
}
