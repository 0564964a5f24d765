import type { Money } from '@serviceops/kernel';
import type { ConductRules } from './conduct-rules';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names the staff member whose register (one stream per person) it changes.

export type RecordViolation = Command<
  'RecordViolation',
  {
    readonly violationId: string;
    readonly staffId: string;
    readonly ruleId: string;
    readonly occurredAt: string;
    readonly evidence: string;
    /** The approver's pick (a range rule), the price (a price rule); must match a fixed or ladder fine if given. */
    readonly fine?: Money;
    readonly quantity?: number;
    readonly loss?: Money;
    readonly recordedBy: string;
    readonly approverId: string;
    readonly trainingSessionId?: string;
  }
>;

export type DecideAppeal = Command<
  'DecideAppeal',
  {
    readonly staffId: string;
    readonly violationId: string;
    readonly outcome: string;
    readonly reason: string;
    readonly decidedBy: string;
  }
>;

export type GrantReward = Command<
  'GrantReward',
  {
    readonly rewardId: string;
    readonly staffId: string;
    readonly amount: Money;
    readonly reason: string;
    readonly grantedBy: string;
  }
>;

export type DisciplineCommand = RecordViolation | DecideAppeal | GrantReward;

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
