import type { BusinessLine } from '@serviceops/contracts';

// A companion's desk: its state and the context its use cases decide in. Each command and the events it records
// are declared with its use case (set-companion-capacity.ts, assign-chat.ts, release-chat.ts); the unions are
// derived in companion.decider.ts.

export interface CompanionDesk {
  readonly status: 'on_duty';
  readonly staffId: string;
  readonly line: BusinessLine;
  readonly branchId: string | null;
  readonly capacity: number;
  readonly active: readonly string[];
  /** The last assignment or release (or going on duty): ties in load go to the longest since. */
  readonly idleSince: string;
}
export type CompanionState = { readonly status: 'absent' } | CompanionDesk;

/** What a desk's decisions take from outside: the time. */
export interface CompanionContext {
  readonly now: Date;
}

export const initialCompanionState = (): CompanionState => ({ status: 'absent' });
