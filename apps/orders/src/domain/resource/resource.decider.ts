import {
  DELIVERY_ITEMS,
  MAINTENANCE_ACTIONS,
  PAPERS,
  PREPARATION_ITEMS,
  RESOURCE_FIELDS,
  RESOURCE_KINDS,
  RESOURCE_STATES,
  SETTABLE_RESOURCE_STATES,
  type ToolLentV1,
  type ToolReturnedV1,
  VISIT_WORK,
} from '@serviceops/contracts';
import {
  addDays,
  type TextRule,
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
export {
  DELIVERY_ITEMS,
  MAINTENANCE_ACTIONS,
  PAPERS,
  PREPARATION_ITEMS,
  RESOURCE_KINDS,
  RESOURCE_STATES,
  VISIT_WORK,
} from '@serviceops/contracts';
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ResourceState = (typeof RESOURCE_STATES)[number];
/** Days before an expiry when a reminder is due. */
export const EXPIRY_REMINDER_DAYS = 30;
export type Paper = (typeof PAPERS)[number];
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];
export type VisitWork = (typeof VISIT_WORK)[number];

export const ResourceErrorCode = {
  RESOURCE_NOT_FOUND: 'ORDERS.RESOURCE_NOT_FOUND',
  RESOURCE_EXISTS: 'ORDERS.RESOURCE_EXISTS',
  INVALID_RESOURCE: 'ORDERS.INVALID_RESOURCE',
  RESOURCE_RETIRED: 'ORDERS.RESOURCE_RETIRED',
  NOT_A_TOOL: 'ORDERS.NOT_A_TOOL',
  TOOL_NOT_AVAILABLE: 'ORDERS.TOOL_NOT_AVAILABLE',
  TOOL_NOT_LENT: 'ORDERS.TOOL_NOT_LENT',
  DUE_BACK_IN_PAST: 'ORDERS.DUE_BACK_IN_PAST',
  /** A paper's last day in force before today (registering or renewing). */
  VALID_TO_IN_PAST: 'ORDERS.VALID_TO_IN_PAST',
  /** A tool is registered with its price (what a lost one is charged at): a rule across two fields. */
  TOOL_PRICE_REQUIRED: 'ORDERS.TOOL_PRICE_REQUIRED',
  /** Tools carry no inspection or insurance, and no preparation check. */
  NO_PAPERS: 'ORDERS.NO_PAPERS',
  /** An update of the papers naming neither date: a rule across two optional fields (422, not the schema's 400). */
  PAPERS_NOT_NAMED: 'ORDERS.PAPERS_NOT_NAMED',
  NO_PREPARATION_CHECK: 'ORDERS.NO_PREPARATION_CHECK',
  /** A checklist must name every item of its list once, and nothing else. */
  CHECKLIST_INCOMPLETE: 'ORDERS.CHECKLIST_INCOMPLETE',
  /** The order the record belongs to is of another kind (a delivery on a visit's order). */
  WRONG_ORDER_KIND: 'ORDERS.WRONG_ORDER_KIND',
  NOT_RENTAL_EQUIPMENT: 'ORDERS.NOT_RENTAL_EQUIPMENT',
  /** Expired papers, not available, or a failed preparation check not yet repaired. */
  RESOURCE_UNFIT: 'ORDERS.RESOURCE_UNFIT',
  DELIVERY_CHECK_FAILED: 'ORDERS.DELIVERY_CHECK_FAILED',
  DELIVERY_NOT_SIGNED: 'ORDERS.DELIVERY_NOT_SIGNED',
  NOT_RENTED: 'ORDERS.NOT_RENTED',
  NOT_RENTED_TO_CUSTOMER: 'ORDERS.NOT_RENTED_TO_CUSTOMER',
  DAMAGE_WITHOUT_FINDINGS: 'ORDERS.DAMAGE_WITHOUT_FINDINGS',
  /** The record's order was closed (its quote declined). */
  ORDER_CLOSED: 'ORDERS.ORDER_CLOSED',
  /** The record's order was cancelled. */
  ORDER_CANCELLED: 'ORDERS.ORDER_CANCELLED',
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
  | { readonly type: 'ReportToolLost'; readonly data: { readonly resourceId: string } }
  | {
      readonly type: 'UpdateResourcePapers';
      readonly data: {
        readonly resourceId: string;
        readonly inspectionValidTo?: string;
        readonly insuranceValidTo?: string;
      };
    }
  | {
      readonly type: 'RecordMaintenance';
      readonly data: {
        readonly resourceId: string;
        readonly action: MaintenanceAction;
        readonly note: string;
      };
    }
  /** Fired by the durable timer 30 days before a paper's last day; harmless when early, repeated or moved. */
  | { readonly type: 'RemindExpiry'; readonly data: { readonly resourceId: string; readonly paper: Paper } }
  | {
      readonly type: 'RecordPreparationCheck';
      readonly data: {
        readonly resourceId: string;
        readonly orderId: string;
        readonly items: readonly ChecklistItem[];
      };
    }
  | {
      readonly type: 'DeliverRental';
      readonly data: {
        readonly resourceId: string;
        readonly orderId: string;
        readonly checklist: readonly ChecklistItem[];
        /** The customer signed the delivery list (the paper copy holds the signature). */
        readonly customerSigned: boolean;
        /** The staff member who signed for the company. */
        readonly staffSignedBy: string;
      };
    }
  | {
      readonly type: 'RecordRentalVisit';
      readonly data: {
        readonly resourceId: string;
        readonly orderId: string;
        readonly work: readonly VisitWork[];
        readonly note: string;
      };
    }
  | {
      readonly type: 'InspectRentalReturn';
      readonly data: {
        readonly resourceId: string;
        readonly orderId: string;
        readonly findings: readonly Finding[];
        /** The damage assessed, for billing's final settlement (rent + damages − deposit). */
        readonly damage: Money;
      };
    };

export interface ChecklistItem {
  readonly item: string;
  readonly passed: boolean;
}
export interface Finding {
  readonly item: string;
  readonly note: string;
}
/** The order a record belongs to, from the order list (the handler reads it; 404 when unknown). */
export interface OrderFacts {
  readonly orderId: string;
  readonly kind: string;
  readonly customerId: string;
  readonly contractId?: string;
  /** Closed when its quote was declined: nothing is prepared, delivered or recorded on it. */
  readonly closed?: boolean;
  /** Cancelled (CancelOrder): nothing is prepared, delivered or recorded on it either. */
  readonly cancelled?: boolean;
}
/** An equipment unit out on a lease: the delivery's order and its customer. */
export interface Rental {
  readonly deliveryOrderId: string;
  readonly customerId: string;
  readonly contractId?: string;
}

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
  /** Published (ToolLentV1, ToolReturnedV1): staff keeps each member's tools out from them. */
  | Event<'ToolLent', ToolLentV1>
  | Event<'ToolReturned', ToolReturnedV1>
  | Event<'ToolWentOverdue', { resourceId: string; borrowerId: string; dueBack: string; at: string }>
  /** Published for billing (charge the borrower) and staff. */
  | Event<'ToolLostCharged', { resourceId: string; borrowerId: string; charge: Money; at: string }>
  | Event<
      'ResourcePapersUpdated',
      { resourceId: string; inspectionValidTo?: string; insuranceValidTo?: string; at: string }
    >
  | Event<'MaintenanceRecorded', { resourceId: string; action: MaintenanceAction; note: string; at: string }>
  /** Published: a paper ends within EXPIRY_REMINDER_DAYS; once per paper and last day. */
  | Event<
      'ResourceExpiryReminded',
      { resourceId: string; kind: ResourceKind; paper: Paper; validTo: string; at: string }
    >
  | Event<
      'PreparationChecked',
      {
        resourceId: string;
        orderId: string;
        items: readonly ChecklistItem[];
        passed: boolean;
        failed: readonly string[];
        at: string;
      }
    >
  | Event<
      'RentalDelivered',
      {
        resourceId: string;
        orderId: string;
        customerId: string;
        contractId?: string;
        checklist: readonly ChecklistItem[];
        customerSigned: true;
        staffSignedBy: string;
        deliveredAt: string;
      }
    >
  | Event<
      'RentalVisitRecorded',
      {
        resourceId: string;
        orderId: string;
        deliveryOrderId: string;
        /** The contract the lease (or else the visit's order) is under, when there is one. */
        contractId?: string;
        work: readonly VisitWork[];
        note: string;
        at: string;
      }
    >
  /** Published for billing's final settlement. */
  | Event<
      'RentalReturnInspected',
      {
        resourceId: string;
        orderId: string;
        deliveryOrderId: string;
        customerId: string;
        contractId?: string;
        findings: readonly Finding[];
        damage: Money;
        inspectedAt: string;
      }
    >;

export interface Resource {
  readonly resourceId: string;
  readonly kind: ResourceKind;
  readonly name: string;
  readonly state: ResourceState;
  readonly inspectionValidTo?: string;
  readonly insuranceValidTo?: string;
  readonly price?: Money;
  readonly loan?: { readonly borrowerId: string; readonly dueBack: string; readonly overdue: boolean };
  /** A failed preparation check, until a maintenance entry `repaired`. */
  readonly unfit?: { readonly orderId: string; readonly failed: readonly string[] };
  /** Reminders given: '<paper>:<validTo>'. */
  readonly reminded?: readonly string[];
  readonly rental?: Rental;
}
export type ResourceStateT = { readonly status: 'absent' } | ({ readonly status: 'present' } & Resource);

export interface ResourceContext {
  readonly now: Date;
  /** The tenant's local date today (YYYY-MM-DD). */
  readonly today: string;
  /** Preparation checks and rental records: the order they belong to. */
  readonly order?: OrderFacts;
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
    if (typeof d.name !== 'string' || !RESOURCE_FIELDS.name.accepts(d.name))
      throw err(E.INVALID_RESOURCE, `name ${RESOURCE_FIELDS.name.message}`, { field: 'name' });
    for (const f of ['inspectionValidTo', 'insuranceValidTo'] as const)
      if (d[f] !== undefined && !isLocalDate(d[f]))
        throw err(E.INVALID_RESOURCE, `${f} must be a date`, { field: f });
    if (d.kind === 'tool' && (d.inspectionValidTo !== undefined || d.insuranceValidTo !== undefined))
      throw err(E.NO_PAPERS, 'a tool has no inspection or insurance', { field: 'kind' });
    notPast(d, context.today);
    if (d.kind === 'tool' && d.price === undefined)
      throw err(E.TOOL_PRICE_REQUIRED, 'a tool needs its price', { field: 'price' });
    const price = d.price === undefined ? undefined : money(d.price.amount, d.price.currency);
    if (price !== undefined && price.amount <= 0)
      throw err(E.INVALID_RESOURCE, 'a price is above zero', { field: 'price.amount' });
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
      if (!(SETTABLE_RESOURCE_STATES as readonly string[]).includes(command.data.state))
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
    case 'UpdateResourcePapers': {
      const d = command.data;
      if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource keeps its papers');
      if (r.kind === 'tool') throw err(E.NO_PAPERS, 'a tool has no inspection or insurance');
      if (d.inspectionValidTo === undefined && d.insuranceValidTo === undefined)
        throw err(E.PAPERS_NOT_NAMED, 'name the inspection’s or the insurance’s last day', {
          field: 'inspectionValidTo',
        });
      for (const f of ['inspectionValidTo', 'insuranceValidTo'] as const)
        if (d[f] !== undefined && !isLocalDate(d[f]))
          throw err(E.INVALID_RESOURCE, `${f} must be a date`, { field: f });
      notPast(d, context.today);
      return [
        {
          type: 'ResourcePapersUpdated',
          data: {
            resourceId: r.resourceId,
            ...(d.inspectionValidTo === undefined ? {} : { inspectionValidTo: d.inspectionValidTo }),
            ...(d.insuranceValidTo === undefined ? {} : { insuranceValidTo: d.insuranceValidTo }),
            at,
          },
        },
      ];
    }
    case 'RecordMaintenance': {
      const { action, note } = command.data;
      if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource is not maintained');
      if (!(MAINTENANCE_ACTIONS as readonly string[]).includes(action))
        throw err(E.INVALID_RESOURCE, 'unknown maintenance action', { field: 'action' });
      return [
        { type: 'MaintenanceRecorded', data: { resourceId: r.resourceId, action, note: noted(note), at } },
      ];
    }
    case 'RemindExpiry': {
      const { paper } = command.data;
      const validTo = paper === 'inspection' ? r.inspectionValidTo : r.insuranceValidTo;
      if (r.state === 'retired' || validTo === undefined) return [];
      if (!remindersDue(r, context.today).includes(paper)) return [];
      if ((r.reminded ?? []).includes(`${paper}:${validTo}`)) return [];
      return [
        {
          type: 'ResourceExpiryReminded',
          data: { resourceId: r.resourceId, kind: r.kind, paper, validTo, at },
        },
      ];
    }
    case 'RecordPreparationCheck': {
      const { items } = command.data;
      const order = orderOf(context, command.data.orderId);
      if (r.kind === 'tool') throw err(E.NO_PREPARATION_CHECK, 'tools have no preparation check');
      if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource is not prepared');
      const failed = checklist(items, PREPARATION_ITEMS[r.kind]);
      return [
        {
          type: 'PreparationChecked',
          data: {
            resourceId: r.resourceId,
            orderId: order.orderId,
            items: items.map(({ item, passed }) => ({ item, passed })),
            passed: failed.length === 0,
            failed,
            at,
          },
        },
      ];
    }
    case 'DeliverRental': {
      const d = command.data;
      const order = orderOf(context, d.orderId, 'rental_delivery');
      if (r.kind !== 'equipment') throw err(E.NOT_RENTAL_EQUIPMENT, 'only equipment units are rented out');
      const fit = dispatchable(r, context.today);
      if (!fit.ok) throw err(E.RESOURCE_UNFIT, `the unit is not fit: ${fit.reasons.join(', ')}`, fit);
      const failed = checklist(d.checklist, DELIVERY_ITEMS);
      if (failed.length > 0)
        throw err(E.DELIVERY_CHECK_FAILED, 'the delivery list has failed items: fix them first', { failed });
      if (d.customerSigned !== true || typeof d.staffSignedBy !== 'string' || d.staffSignedBy === '')
        throw err(E.DELIVERY_NOT_SIGNED, 'both sides sign the delivery list', { field: 'customerSigned' });
      return [
        {
          type: 'RentalDelivered',
          data: {
            resourceId: r.resourceId,
            orderId: order.orderId,
            customerId: order.customerId,
            ...(order.contractId === undefined ? {} : { contractId: order.contractId }),
            checklist: d.checklist.map(({ item, passed }) => ({ item, passed })),
            customerSigned: true,
            staffSignedBy: d.staffSignedBy,
            deliveredAt: at,
          },
        },
      ];
    }
    case 'RecordRentalVisit': {
      const d = command.data;
      const order = orderOf(context, d.orderId, 'rental_visit');
      const rental = rentedTo(r, order);
      const work: readonly unknown[] = Array.isArray(d.work) ? d.work : [];
      if (work.length === 0 || !work.every((w) => (VISIT_WORK as readonly unknown[]).includes(w)))
        throw err(E.INVALID_RESOURCE, `work is one or more of ${VISIT_WORK.join(', ')}`, { field: 'work' });
      return [
        {
          type: 'RentalVisitRecorded',
          data: {
            resourceId: r.resourceId,
            orderId: order.orderId,
            deliveryOrderId: rental.deliveryOrderId,
            ...optionalContract(rental.contractId ?? order.contractId),
            work: [...new Set(d.work)],
            note: noted(d.note),
            at,
          },
        },
      ];
    }
    case 'InspectRentalReturn': {
      const d = command.data;
      const order = orderOf(context, d.orderId, 'rental_return');
      const rental = rentedTo(r, order);
      const damage = money(d.damage.amount, d.damage.currency);
      if (damage.amount < 0)
        throw err(E.INVALID_RESOURCE, 'damage is not negative', { field: 'damage.amount' });
      const findings = d.findings.map((f) => ({
        item: noted(f.item, RESOURCE_FIELDS.findingItem, 'findings.item'),
        note: noted(f.note, RESOURCE_FIELDS.note, 'findings.note'),
      }));
      if (damage.amount > 0 && findings.length === 0)
        throw err(E.DAMAGE_WITHOUT_FINDINGS, 'damage is assessed against findings', { field: 'findings' });
      return [
        {
          type: 'RentalReturnInspected',
          data: {
            resourceId: r.resourceId,
            orderId: order.orderId,
            deliveryOrderId: rental.deliveryOrderId,
            customerId: rental.customerId,
            ...(rental.contractId === undefined ? {} : { contractId: rental.contractId }),
            findings,
            damage,
            inspectedAt: at,
          },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

const optionalContract = (contractId: string | undefined) => (contractId === undefined ? {} : { contractId });

/** A paper's last day in force is not before today. */
function notPast(d: { inspectionValidTo?: string; insuranceValidTo?: string }, today: string): void {
  for (const f of ['inspectionValidTo', 'insuranceValidTo'] as const) {
    const day = d[f];
    if (day !== undefined && day < today)
      throw err(E.VALID_TO_IN_PAST, `${f} must not be before today`, { field: f });
  }
}

function noted(note: unknown, rule: TextRule = RESOURCE_FIELDS.note, field = 'note'): string {
  if (typeof note !== 'string' || !rule.accepts(note))
    throw err(E.INVALID_RESOURCE, `${field} ${rule.message}`, { field });
  return note.trim();
}

/** The items that failed; every item of `expected` answered once and nothing else, or CHECKLIST_INCOMPLETE. */
function checklist(items: readonly ChecklistItem[], expected: readonly string[]): string[] {
  const named = items.map((i) => i.item);
  const complete =
    named.length === expected.length &&
    new Set(named).size === named.length &&
    named.every((n) => expected.includes(n));
  if (!complete)
    throw err(E.CHECKLIST_INCOMPLETE, `the checklist answers each of ${expected.join(', ')} once`, {
      field: 'items',
      expected,
    });
  return items.filter((i) => !i.passed).map((i) => i.item);
}

function orderOf(context: ResourceContext, orderId: string, kind?: string): OrderFacts {
  const order = context.order;
  if (order === undefined || order.orderId !== orderId)
    throw new Error('the record needs its order’s facts in the context');
  if (order.closed === true)
    throw err(E.ORDER_CLOSED, `order ${orderId} is closed: its quote was declined`, { field: 'orderId' });
  if (order.cancelled === true)
    throw err(E.ORDER_CANCELLED, `order ${orderId} is cancelled`, { field: 'orderId' });
  if (kind !== undefined && order.kind !== kind)
    throw err(E.WRONG_ORDER_KIND, `the order is a ${order.kind}, not a ${kind}`, {
      field: 'orderId',
      kind: order.kind,
    });
  return order;
}

function rentedTo(r: Resource, order: OrderFacts): Rental {
  if (!r.rental) throw err(E.NOT_RENTED, 'the unit is not out on a lease');
  if (r.rental.customerId !== order.customerId)
    throw err(E.NOT_RENTED_TO_CUSTOMER, 'the unit is leased to another customer', { field: 'orderId' });
  return r.rental;
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
    case 'ResourcePapersUpdated': {
      const { inspectionValidTo, insuranceValidTo } = event.data;
      return {
        ...state,
        ...(inspectionValidTo === undefined ? {} : { inspectionValidTo }),
        ...(insuranceValidTo === undefined ? {} : { insuranceValidTo }),
      };
    }
    case 'MaintenanceRecorded': {
      if (event.data.action !== 'repaired') return state;
      const { unfit: _repaired, ...rest } = state;
      return rest;
    }
    case 'ResourceExpiryReminded':
      return { ...state, reminded: [...(state.reminded ?? []), `${event.data.paper}:${event.data.validTo}`] };
    case 'PreparationChecked':
      return event.data.passed
        ? state
        : { ...state, unfit: { orderId: event.data.orderId, failed: event.data.failed } };
    case 'RentalDelivered': {
      const { orderId, customerId, contractId } = event.data;
      const rental: Rental = {
        deliveryOrderId: orderId,
        customerId,
        ...(contractId === undefined ? {} : { contractId }),
      };
      return { ...state, state: 'out', rental };
    }
    case 'RentalVisitRecorded':
      return state;
    case 'RentalReturnInspected': {
      const { rental: _returned, ...rest } = state;
      return { ...rest, state: event.data.damage.amount > 0 ? 'in_maintenance' : 'available' };
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

/**
 * Whether the resource may be dispatched on `day` (local date), and why not: not available, expired papers, a
 * failed preparation check not yet repaired.
 */
export function dispatchable(r: Resource, day: string): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (r.state !== 'available') reasons.push(r.state);
  if (r.inspectionValidTo !== undefined && r.inspectionValidTo < day) reasons.push('inspection_expired');
  if (r.insuranceValidTo !== undefined && r.insuranceValidTo < day) reasons.push('insurance_expired');
  if (r.unfit !== undefined) reasons.push('failed_check');
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
