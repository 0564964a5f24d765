import { AUTO_DISPATCH_SLOT_MINUTES, TENANT_ROLES, type Role } from '@serviceops/contracts';
import { DomainError, streamId, type Decider, type Event } from '@serviceops/kernel';
import { REQUEST_KINDS, type RequestKind } from '../order/order.commands';
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

export type ChangeDispatchPolicy = {
  readonly type: 'ChangeDispatchPolicy';
  readonly data: {
    readonly autoDispatch: boolean;
    readonly skills: readonly SkillRule[];
    /** Each kind at most once; a kind left out gets the default. */
    readonly slotMinutes: readonly SlotMinutesRule[];
  };
};
export type DispatchPolicyChanged = Event<
  'DispatchPolicyChanged',
  {
    version: number;
    autoDispatch: boolean;
    skills: SkillTable;
    /** Absent from changes recorded before slot lengths were policy: the defaults. */
    slotMinutes?: SlotMinutesTable;
    changedAt: string;
  }
>;

const tenantRoles: ReadonlySet<string> = new Set(TENANT_ROLES);
const invalid = (message: string, field: string) =>
  new DomainError(DispatchPolicyErrorCode.DISPATCH_POLICY_REFUSED, message, { field });

function decide(
  command: ChangeDispatchPolicy,
  _state: DispatchPolicy,
  { now }: { readonly now: Date },
): readonly DispatchPolicyChanged[] {
  const { autoDispatch, skills, slotMinutes } = command.data;
  for (const { kind } of skills)
    if (!(REQUEST_KINDS as readonly string[]).includes(kind))
      throw invalid(`skills names an unknown kind ${kind}`, 'skills');
  const table = {} as Record<(typeof REQUEST_KINDS)[number], readonly Role[]>;
  for (const kind of REQUEST_KINDS) {
    const rows = skills.filter((r) => r.kind === kind);
    if (rows.length !== 1)
      throw invalid(`skills names ${kind} ${rows.length} times (once, please)`, 'skills');
    const roles = rows[0]?.roles ?? [];
    if (roles.length === 0) throw invalid(`skills: ${kind} names no role`, 'skills');
    const bad = roles.find((r) => !tenantRoles.has(r));
    if (bad !== undefined) throw invalid(`skills: ${kind}: ${bad} is not a role`, 'skills');
    table[kind] = [...new Set(roles)] as Role[];
  }
  return [
    {
      type: 'DispatchPolicyChanged',
      data: {
        version: _state.version + 1,
        autoDispatch,
        skills: table,
        slotMinutes: slotMinutesTableOf(slotMinutes),
        changedAt: now.toISOString(),
      },
    },
  ];
}

/** The slot lengths stated (each kind at most once, whole minutes within bounds), the defaults for the rest. */
function slotMinutesTableOf(rules: readonly SlotMinutesRule[]): SlotMinutesTable {
  const { min, max } = AUTO_DISPATCH_SLOT_MINUTES;
  const table: Record<RequestKind, number> = { ...DEFAULT_SLOT_MINUTES };
  const seen = new Set<string>();
  for (const { kind, minutes } of rules) {
    if (!(REQUEST_KINDS as readonly string[]).includes(kind))
      throw invalid(`slotMinutes names an unknown kind ${kind}`, 'slotMinutes');
    if (seen.has(kind)) throw invalid(`slotMinutes names ${kind} twice (once, please)`, 'slotMinutes');
    seen.add(kind);
    if (!Number.isInteger(minutes) || minutes < min || minutes > max)
      throw invalid(`slotMinutes: ${kind} must be whole minutes from ${min} to ${max}`, 'slotMinutes');
    table[kind as RequestKind] = minutes;
  }
  return table;
}

function evolve(_state: DispatchPolicy, event: DispatchPolicyChanged): DispatchPolicy {
  const { version, autoDispatch, skills, slotMinutes = DEFAULT_SLOT_MINUTES } = event.data;
  return { version, autoDispatch, skills, slotMinutes };
}

export const dispatchPolicyDecider: Decider<
  ChangeDispatchPolicy,
  DispatchPolicyChanged,
  DispatchPolicy,
  { readonly now: Date }
> = { initialState: () => DEFAULT_DISPATCH_POLICY, decide, evolve };

/** One policy stream per tenant: 'dispatch-policy-<tenantId>-<tenantId>'. */
export const dispatchPolicyStreamId = (tenantId: string): string =>
  streamId('dispatch-policy', tenantId, tenantId);
