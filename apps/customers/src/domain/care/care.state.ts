import type { GreetingOccasion } from './care.commands';

export interface CareState {
  /** greetingKey(occasion, on) of every greeting already due. */
  readonly issued: ReadonlySet<string>;
}

export const initialCareState = (): CareState => ({ issued: new Set() });

export function greetingKey(occasion: GreetingOccasion, on: string): string {
  return `${occasion}:${on}`;
}
