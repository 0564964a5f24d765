import type { Money } from '@serviceops/kernel';

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
