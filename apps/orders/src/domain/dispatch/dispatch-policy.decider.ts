import { TENANT_ROLES, type Role } from '@serviceops/contracts';
import { DomainError, streamId, type Decider, type Event } from '@serviceops/kernel';
import { REQUEST_KINDS } from '../order/order.commands';
import { DEFAULT_SKILLS, type SkillTable } from './skills';

/**
 * The tenant's dispatch policy, versioned (issue 15 item 3): who is skilled for each request kind, and whether
 * the system dispatches new requests by itself (`autoDispatch`, off by default). Each change is the next version.
 */
export interface DispatchPolicy {
  readonly version: number;
  readonly autoDispatch: boolean;
  readonly skills: SkillTable;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  version: 0,
  autoDispatch: false,
  skills: DEFAULT_SKILLS,
};

export const DispatchPolicyErrorCode = {
  /** A kind named twice or not at all (each kind once, with its roles). */
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

export type ChangeDispatchPolicy = {
  readonly type: 'ChangeDispatchPolicy';
  readonly data: {
    readonly autoDispatch: boolean;
    readonly skills: readonly SkillRule[];
  };
};
export type DispatchPolicyChanged = Event<
  'DispatchPolicyChanged',
  { version: number; autoDispatch: boolean; skills: SkillTable; changedAt: string }
>;

const tenantRoles: ReadonlySet<string> = new Set(TENANT_ROLES);
const invalid = (message: string, field: string) =>
  new DomainError(DispatchPolicyErrorCode.DISPATCH_POLICY_REFUSED, message, { field });

function decide(
  command: ChangeDispatchPolicy,
  _state: DispatchPolicy,
  { now }: { readonly now: Date },
): readonly DispatchPolicyChanged[] {
  const { autoDispatch, skills } = command.data;
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
      data: { version: _state.version + 1, autoDispatch, skills: table, changedAt: now.toISOString() },
    },
  ];
}

function evolve(_state: DispatchPolicy, event: DispatchPolicyChanged): DispatchPolicy {
  const { version, autoDispatch, skills } = event.data;
  return { version, autoDispatch, skills };
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
