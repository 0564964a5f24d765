import type { Decider, Event } from '@serviceops/kernel';

/**
 * given(past events).when(command).then(new events) for a pure decider:
 *   spec(decider, ctx).given([...]).when(cmd).then([...])  or  .thenThrows('CODE')
 */
export function deciderSpec<C, E extends Event, S, Ctx>(decider: Decider<C, E, S, Ctx>, context: Ctx) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state, context);
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string): void {
              // Jest's toThrow takes an asymmetric matcher; @types/jest types it as `any` and only declares Error.
              expect(run).toThrow(expect.objectContaining({ code }) as Error);
            },
          };
        },
      };
    },
  };
}

/** What a refused decision threw, as a plain object (code, message, details); fails when nothing was thrown. */
export function refusalOf(decide: () => unknown): { code: string; message: string; details: object } {
  try {
    decide();
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: object };
    return { code, message, details };
  }
  throw new Error('not refused');
}
