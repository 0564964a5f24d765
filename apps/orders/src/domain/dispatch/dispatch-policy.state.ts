import { AUTO_DISPATCH_SLOT_MINUTES } from '@serviceops/contracts';
import { REQUEST_KINDS, type RequestKind } from '../order/order.state';
import { DEFAULT_SKILLS, type SkillTable } from './skills';

/** How long a slot the system books per request kind, in minutes. */
export type SlotMinutesTable = Readonly<Record<RequestKind, number>>;

/** Every kind AUTO_DISPATCH_SLOT_MINUTES.default (two hours): the slot length before it was policy. */
export const DEFAULT_SLOT_MINUTES: SlotMinutesTable = Object.fromEntries(
  REQUEST_KINDS.map((kind) => [kind, AUTO_DISPATCH_SLOT_MINUTES.default]),
) as Record<RequestKind, number>;

/**
 * The tenant's dispatch policy, versioned (issue 15 item 3): who is skilled for each request kind, whether the
 * system dispatches new requests by itself (`autoDispatch`, off by default), and how long a slot it books for each
 * kind (`slotMinutes`). Each change is the next version.
 */
export interface DispatchPolicy {
  readonly version: number;
  readonly autoDispatch: boolean;
  readonly skills: SkillTable;
  readonly slotMinutes: SlotMinutesTable;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  version: 0,
  autoDispatch: false,
  skills: DEFAULT_SKILLS,
  slotMinutes: DEFAULT_SLOT_MINUTES,
};

export const DispatchPolicyErrorCode = {
  /**
   * A kind named twice or not at all in skills (each kind once, with its roles); a kind twice in slotMinutes, or
   * minutes that are not whole or outside AUTO_DISPATCH_SLOT_MINUTES' bounds.
   */
  DISPATCH_POLICY_REFUSED: 'ORDERS.DISPATCH_POLICY_REFUSED',
} as const;

/** One row of the skill table as the API states it: a kind and the roles that may take it. */
export interface SkillRule {
  readonly kind: string;
  readonly roles: readonly string[];
}

/** The table as the API shows it: one row per kind, in REQUEST_KINDS' order. */
export const skillRulesOf = (skills: SkillTable): SkillRule[] =>
  REQUEST_KINDS.map((kind) => ({ kind, roles: [...skills[kind]] }));

/** One row of the slot lengths as the API states it: a kind and the minutes the system books for it. */
export interface SlotMinutesRule {
  readonly kind: string;
  readonly minutes: number;
}

/** The slot lengths as the API shows them: one row per kind, in REQUEST_KINDS' order. */
export const slotMinutesRulesOf = (table: SlotMinutesTable): SlotMinutesRule[] =>
  REQUEST_KINDS.map((kind) => ({ kind, minutes: table[kind] }));

/** What a change of the policy is decided with. */
export interface DispatchPolicyContext {
  readonly now: Date;
}
