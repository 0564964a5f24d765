import type { MemberState } from '../member/member.state';
import type { HandoverItem } from './separation.events';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names the staff member: one separation stream per staff member.

export type ResignStaffMember = Command<'ResignStaffMember', { staffId: string; reason?: string }>;
export type DismissStaffMember = Command<'DismissStaffMember', { staffId: string; reason: string }>;
export type TickHandoverItem = Command<
  'TickHandoverItem',
  { staffId: string; item: HandoverItem; note?: string }
>;

export type SeparationCommand = ResignStaffMember | DismissStaffMember | TickHandoverItem;

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
