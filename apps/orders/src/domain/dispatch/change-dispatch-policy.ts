import { AUTO_DISPATCH_SLOT_MINUTES, TENANT_ROLES, type Role } from '@serviceops/contracts';
import { DomainError, type Event, useCase } from '@serviceops/kernel';
import { REQUEST_KINDS, type RequestKind } from '../order/order.state';
import {
  DEFAULT_SLOT_MINUTES,
  type DispatchPolicy,
  type DispatchPolicyContext,
  DispatchPolicyErrorCode,
  type SkillRule,
  type SlotMinutesRule,
  type SlotMinutesTable,
} from './dispatch-policy.state';
import type { SkillTable } from './skills';

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

export const changeDispatchPolicy = useCase<
  ChangeDispatchPolicy,
  DispatchPolicyChanged,
  DispatchPolicy,
  DispatchPolicyContext
>({
  command: 'ChangeDispatchPolicy',
  handles: {
    rpc: 'orders.ChangeDispatchPolicy',
    command: (request: {
      autoDispatch?: boolean;
      skills?: readonly { kind?: string; roles?: readonly string[] }[];
      slotMinutes?: readonly { kind?: string; minutes?: number }[];
    }) => ({
      type: 'ChangeDispatchPolicy',
      data: {
        autoDispatch: request.autoDispatch ?? false,
        skills: (request.skills ?? []).map((r) => ({ kind: r.kind ?? '', roles: r.roles ?? [] })),
        slotMinutes: (request.slotMinutes ?? []).map((r) => ({
          kind: r.kind ?? '',
          minutes: r.minutes ?? 0,
        })),
      },
    }),
  },
  decide(command, state, { now }) {
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
          version: state.version + 1,
          autoDispatch,
          skills: table,
          slotMinutes: slotMinutesTableOf(slotMinutes),
          changedAt: now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    DispatchPolicyChanged: (_state, event) => {
      const { version, autoDispatch, skills, slotMinutes = DEFAULT_SLOT_MINUTES } = event.data;
      return { version, autoDispatch, skills, slotMinutes };
    },
  },
});

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
