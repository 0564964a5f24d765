import {
  addDays,
  type Decider,
  type Event,
  isLocalDate,
  type Money,
  money,
  streamId,
} from '@serviceops/kernel';
import { DomainError } from '@serviceops/kernel';

/**
 * Resources (issue 15 item 2): practice vehicles, rental equipment units, special tools. A resource is
 * dispatchable only while available with its inspection and insurance in force; a tool is lent against the
 * register, and a lost one is charged to its borrower at its price (published for billing and staff).
 */
export const RESOURCE_KINDS = ['vehicle', 'equipment', 'tool'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_STATES = ['available', 'out', 'in_maintenance', 'retired'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];
/** Days before an expiry when a reminder is due. */
export const EXPIRY_REMINDER_DAYS = 30;

export const ResourceErrorCode = {
  RESOURCE_NOT_FOUND: 'ORDERS.RESOURCE_NOT_FOUND',
  RESOURCE_EXISTS: 'ORDERS.RESOURCE_EXISTS',
  INVALID_RESOURCE: 'ORDERS.INVALID_RESOURCE',
  RESOURCE_RETIRED: 'ORDERS.RESOURCE_RETIRED',
  NOT_A_TOOL: 'ORDERS.NOT_A_TOOL',
  TOOL_NOT_AVAILABLE: 'ORDERS.TOOL_NOT_AVAILABLE',
  TOOL_NOT_LENT: 'ORDERS.TOOL_NOT_LENT',
  DUE_BACK_IN_PAST: 'ORDERS.DUE_BACK_IN_PAST',
} as const;
const E = ResourceErrorCode;

export type ResourceCommand =
  | {
      readonly type: 'RegisterResource';
      readonly data: {
        readonly resourceId: string;
        readonly kind: ResourceKind;
        readonly name: string;
        /** Local dates 'YYYY-MM-DD', the last day in force (vehicles, equipment). */
        readonly inspectionValidTo?: string;
        readonly insuranceValidTo?: string;
        /** A tool's price: what its borrower is charged when it is lost. */
        readonly price?: Money;
      };
    }
  | {
      readonly type: 'SetResourceState';
      readonly data: {
        readonly resourceId: string;
        readonly state: 'available' | 'in_maintenance' | 'retired';
      };
    }
  | {
      readonly type: 'LendTool';
      readonly data: { readonly resourceId: string; readonly borrowerId: string; readonly dueBack: string };
    }
  | { readonly type: 'ReturnTool'; readonly data: { readonly resourceId: string } }
  | { readonly type: 'MarkToolOverdue'; readonly data: { readonly resourceId: string } }
  | { readonly type: 'ReportToolLost'; readonly data: { readonly resourceId: string } };

export type ResourceEvent =
  | Event<
      'ResourceRegistered',
      {
        resourceId: string;
        kind: ResourceKind;
        name: string;
        inspectionValidTo?: string;
        insuranceValidTo?: string;
        price?: Money;
      }
    >
  | Event<'ResourceStateSet', { resourceId: string; state: ResourceState; at: string }>
  | Event<'ToolLent', { resourceId: string; borrowerId: string; dueBack: string; lentAt: string }>
  | Event<'ToolReturned', { resourceId: string; borrowerId: string; returnedAt: string; late: boolean }>
  | Event<'ToolWentOverdue', { resourceId: string; borrowerId: string; dueBack: string; at: string }>
  /** Published for billing (charge the borrower) and staff. */
  | Event<'ToolLostCharged', { resourceId: string; borrowerId: string; charge: Money; at: string }>;

export interface Resource {
  readonly resourceId: string;
  readonly kind: ResourceKind;
  readonly state: ResourceState;
  readonly inspectionValidTo?: string;
  readonly insuranceValidTo?: string;
  readonly price?: Money;
  readonly loan?: { readonly borrowerId: string; readonly dueBack: string; readonly overdue: boolean };
}
export type ResourceStateT = { readonly status: 'absent' } | ({ readonly status: 'present' } & Resource);

export interface ResourceContext {
  readonly now: Date;
  /** The tenant's local date today (YYYY-MM-DD). */
  readonly today: string;
}

const err = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, message, details);

export function decideResource(
  command: ResourceCommand,
  state: ResourceStateT,
  context: ResourceContext,
): readonly ResourceEvent[] {
  const at = context.now.toISOString();
  if (command.type === 'RegisterResource') {
    const d = command.data;
    if (state.status !== 'absent') throw err(E.RESOURCE_EXISTS, `resource ${d.resourceId} exists`);
    if (!(RESOURCE_KINDS as readonly string[]).includes(d.kind))
      throw err(E.INVALID_RESOURCE, 'unknown kind', { field: 'kind' });
    if (typeof d.name !== 'string' || d.name.trim() === '' || [...d.name.trim()].length > 200)
      throw err(E.INVALID_RESOURCE, 'name needs 1–200 characters', { field: 'name' });
    for (const f of ['inspectionValidTo', 'insuranceValidTo'] as const)
      if (d[f] !== undefined && !isLocalDate(d[f]))
        throw err(E.INVALID_RESOURCE, `${f} must be a date`, { field: f });
    if (d.kind === 'tool' && d.price === undefined)
      throw err(E.INVALID_RESOURCE, 'a tool needs its price', { field: 'price' });
    const price = d.price === undefined ? undefined : money(d.price.amount, d.price.currency);
    return [
      {
        type: 'ResourceRegistered',
        data: {
          resourceId: d.resourceId,
          kind: d.kind,
          name: d.name.trim(),
          ...(d.inspectionValidTo ? { inspectionValidTo: d.inspectionValidTo } : {}),
          ...(d.insuranceValidTo ? { insuranceValidTo: d.insuranceValidTo } : {}),
          ...(price ? { price } : {}),
        },
      },
    ];
  }
  if (state.status === 'absent' || state.resourceId !== command.data.resourceId) {
    if (command.type === 'MarkToolOverdue') return [];
    throw err(E.RESOURCE_NOT_FOUND, `resource ${command.data.resourceId} does not exist`);
  }
  const r = state;
  switch (command.type) {
    case 'SetResourceState': {
      if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource stays retired');
      if (r.state === 'out') throw err(E.TOOL_NOT_AVAILABLE, 'the resource is out: return it first');
      if (!(['available', 'in_maintenance', 'retired'] as readonly string[]).includes(command.data.state))
        throw err(E.INVALID_RESOURCE, 'unknown state', { field: 'state' });
      return [
        { type: 'ResourceStateSet', data: { resourceId: r.resourceId, state: command.data.state, at } },
      ];
    }
    case 'LendTool': {
      if (r.kind !== 'tool') throw err(E.NOT_A_TOOL, 'only tools are lent against the register');
      if (r.state !== 'available')
        throw err(E.TOOL_NOT_AVAILABLE, `the tool is ${r.state}`, { state: r.state });
      const { borrowerId, dueBack } = command.data;
      if (!isLocalDate(dueBack))
        throw err(E.INVALID_RESOURCE, 'dueBack must be a date', { field: 'dueBack' });
      if (dueBack < context.today)
        throw err(E.DUE_BACK_IN_PAST, 'dueBack must not be before today', { field: 'dueBack' });
      return [{ type: 'ToolLent', data: { resourceId: r.resourceId, borrowerId, dueBack, lentAt: at } }];
    }
    case 'ReturnTool': {
      if (!r.loan) throw err(E.TOOL_NOT_LENT, 'the tool is not lent');
      return [
        {
          type: 'ToolReturned',
          data: {
            resourceId: r.resourceId,
            borrowerId: r.loan.borrowerId,
            returnedAt: at,
            late: context.today > r.loan.dueBack,
          },
        },
      ];
    }
    case 'MarkToolOverdue': {
      if (!r.loan || r.loan.overdue || context.today <= r.loan.dueBack) return [];
      return [
        {
          type: 'ToolWentOverdue',
          data: { resourceId: r.resourceId, borrowerId: r.loan.borrowerId, dueBack: r.loan.dueBack, at },
        },
      ];
    }
    case 'ReportToolLost': {
      if (!r.loan) throw err(E.TOOL_NOT_LENT, 'only a lent tool is lost against its borrower');
      if (!r.price) throw new Error('a registered tool has its price');
      return [
        {
          type: 'ToolLostCharged',
          data: { resourceId: r.resourceId, borrowerId: r.loan.borrowerId, charge: r.price, at },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export function evolveResource(state: ResourceStateT, event: ResourceEvent): ResourceStateT {
  if (event.type === 'ResourceRegistered') return { status: 'present', ...event.data, state: 'available' };
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'ResourceStateSet':
      return { ...state, state: event.data.state };
    case 'ToolLent':
      return {
        ...state,
        state: 'out',
        loan: { borrowerId: event.data.borrowerId, dueBack: event.data.dueBack, overdue: false },
      };
    case 'ToolReturned': {
      const { loan: _returned, ...rest } = state;
      return { ...rest, state: 'available' };
    }
    case 'ToolWentOverdue':
      return state.loan ? { ...state, loan: { ...state.loan, overdue: true } } : state;
    case 'ToolLostCharged': {
      const { loan: _lost, ...rest } = state;
      return { ...rest, state: 'retired' };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const resourceDecider: Decider<ResourceCommand, ResourceEvent, ResourceStateT, ResourceContext> = {
  initialState: () => ({ status: 'absent' }),
  decide: decideResource,
  evolve: evolveResource,
};

export function resourceStreamId(tenantId: string, resourceId: string): string {
  return streamId('resource', tenantId, resourceId);
}

/** Whether the resource may be dispatched on `day` (local date), and why not: expired papers, not available. */
export function dispatchable(r: Resource, day: string): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (r.state !== 'available') reasons.push(r.state);
  if (r.inspectionValidTo !== undefined && r.inspectionValidTo < day) reasons.push('inspection_expired');
  if (r.insuranceValidTo !== undefined && r.insuranceValidTo < day) reasons.push('insurance_expired');
  return { ok: reasons.length === 0, reasons };
}

/** The papers whose reminder is due on `today`: expiring within EXPIRY_REMINDER_DAYS and not yet expired. */
export function remindersDue(r: Resource, today: string): ('inspection' | 'insurance')[] {
  const horizon = addDays(today, EXPIRY_REMINDER_DAYS);
  const due: ('inspection' | 'insurance')[] = [];
  if (r.inspectionValidTo !== undefined && today <= r.inspectionValidTo && r.inspectionValidTo <= horizon)
    due.push('inspection');
  if (r.insuranceValidTo !== undefined && today <= r.insuranceValidTo && r.insuranceValidTo <= horizon)
    due.push('insurance');
  return due;
}
