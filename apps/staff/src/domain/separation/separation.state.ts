import type { HandoverItem, SeparationKind } from './separation.events';

export interface NoSeparation {
  readonly status: 'none';
}

export interface Separating {
  readonly status: 'separating' | 'settlement_requested';
  readonly staffId: string;
  readonly kind: SeparationKind;
  readonly reason?: string;
  readonly noticeDays?: number;
  readonly lastDay: string;
  readonly startedAt: string;
  readonly ticked: readonly HandoverItem[];
  readonly settlementRequestedAt?: string;
}

export type SeparationState = NoSeparation | Separating;

export const initialSeparationState = (): SeparationState => ({ status: 'none' });
