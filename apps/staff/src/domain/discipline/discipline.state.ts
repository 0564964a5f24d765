import type { Money } from '@serviceops/kernel';
import type { ConductRules } from './conduct-rules';

export interface ViolationEntry {
  readonly violationId: string;
  readonly ruleId: string;
  readonly occurredAt: string;
  readonly offence: number;
  readonly fine: Money;
  readonly loss: Money | null;
  /** Standing until an appeal is decided; an overturned violation no longer counts on the ladder. */
  readonly appeal: 'none' | 'upheld' | 'overturned';
}

/** One staff member's register: their violations and rewards. */
export interface DisciplineState {
  readonly violations: readonly ViolationEntry[];
  readonly rewardIds: readonly string[];
}

export const initialDisciplineState = (): DisciplineState => ({ violations: [], rewardIds: [] });

/** What is known of the person from the staff service's own events (part A's hiring and pay changes). */
export interface StaffFacts {
  /** A hired staff member of this tenant (the register refuses anyone else: 404). */
  readonly known: boolean;
  readonly dailyPay: Money | null;
  readonly businessLine: string | null;
}

/** What the register's decisions take from outside: the time, the rules in force and what is known of the person. */
export interface DisciplineContext {
  readonly now: Date;
  readonly rules?: { readonly version: number; readonly rules: ConductRules };
  readonly staff?: StaffFacts;
}
