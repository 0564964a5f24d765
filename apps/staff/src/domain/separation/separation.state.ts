import { HANDOVER_ITEMS } from '@serviceops/contracts';
import type { MemberState } from '../member/member.state';

export { HANDOVER_ITEMS };
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];

export const SEPARATION_KINDS = ['resignation', 'dismissal'] as const;
export type SeparationKind = (typeof SEPARATION_KINDS)[number];

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

export interface SeparationPolicy {
  /** Days between a resignation and the last working day. */
  readonly noticeDays: number;
}

export interface SeparationContext {
  readonly now: Date;
  /** The tenant's time zone (IANA): "today" (a dismissal's last day, a notice's first) is the tenant's day. */
  readonly timeZone: string;
  readonly policy: SeparationPolicy;
  /** The staff member leaving (ResignStaffMember, DismissStaffMember). */
  readonly member?: MemberState;
}
