import { Inject, Injectable } from '@nestjs/common';
import type { PostgresEventStore } from '@serviceops/eventstore';
import { type BusinessCalendar, type Clock, localDateOf, type RecordedEvent } from '@serviceops/kernel';
import {
  asOfDate,
  type CallContext,
  decodeCursor,
  encodeCursor,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  historyOf,
  type HistoryEntry,
  limitOf,
  optional,
  ProblemError,
  type DueTimer,
  uuidField,
} from '@serviceops/platform';
import type { PoolClient } from 'pg';
import type { ResourceVerdict } from '../domain/order/order.state';
import {
  dispatchable,
  type OrderFacts as RecordOrder,
  PAPERS,
  type Paper,
  type ResourceCommand,
  RESOURCE_USE_CASES,
  resourceDecider,
  type ResourceEvent,
  type ResourceStateT,
  resourceStreamId,
} from '../domain/resource/resource.decider';
import { deliverRental, type DeliverRental } from '../domain/resource/deliver-rental';
import { inspectRentalReturn, type InspectRentalReturn } from '../domain/resource/inspect-rental-return';
import { lendTool, type LendTool } from '../domain/resource/lend-tool';
import {
  recordPreparationCheck,
  type RecordPreparationCheck,
} from '../domain/resource/record-preparation-check';
import { recordRentalVisit, type RecordRentalVisit } from '../domain/resource/record-rental-visit';
import { expiryReminderAt, toolOverdueAt } from '../domain/resource/resource.timers';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import { checkBodyIds } from './body-ids';
import { CLOCK, OrderStore } from './order-store';
import { resourceStateOf, type ResourceView, resourceViewOf } from './resource-view';

export const RESOURCE_EXPIRY_TIMER = 'resource-expiry-reminder';
export const TOOL_OVERDUE_TIMER = 'tool-overdue';
/** One timer per resource and paper: a renewed date moves it (same id), so a reminder is never given twice. */
export const expiryTimerId = (resourceId: string, paper: Paper) =>
  `${RESOURCE_EXPIRY_TIMER}:${resourceId}:${paper}`;
export const overdueTimerId = (resourceId: string) => `${TOOL_OVERDUE_TIMER}:${resourceId}`;

const notFoundResource = () => new ProblemError('ORDERS.RESOURCE_NOT_FOUND', 'no such resource');

const systemCall = (tenantId: string, actor: string, correlationId: string): CallContext => ({
  tenantId,
  actorId: `system:${actor}`,
  roles: [],
  correlationId,
});

/** A resource's events, 404 when it has none in this tenant. */
async function readResource(
  store: PostgresEventStore,
  tenantId: string,
  resourceId: string,
  tx?: PoolClient,
) {
  const { events } = await store.readStream(resourceStreamId(tenantId, resourceId), optional('client', tx));
  if (events.length === 0) throw notFoundResource();
  return events;
}

/**
 * The dispatch path's question (order.handlers.ts): may this resource go along in a slot starting at `start`?
 * Its state from its stream, judged on the slot's local day; 404 for an unknown (or another tenant's) resource.
 *
 * With `tx` (the booking's transaction) it is asked again under the resource's lock: its row of the resource
 * list, which every change of the resource updates in its own append's transaction. A change in flight is waited
 * for and then seen; a later one waits for the booking to commit.
 */
export async function resourceVerdictAt(
  store: PostgresEventStore,
  tenantId: string,
  resourceId: string,
  timeZone: string,
  start: Date,
  tx?: PoolClient,
): Promise<ResourceVerdict> {
  if (tx)
    await tx.query('SELECT 1 FROM orders.resource_list WHERE resource_id = $1 AND tenant_id = $2 FOR SHARE', [
      resourceId,
      tenantId,
    ]);
  const state = resourceStateOf(await readResource(store, tenantId, resourceId, tx));
  if (state.status === 'absent') throw notFoundResource();
  const { ok, reasons } = dispatchable(state, localDateOf(timeZone, start));
  return { resourceId, fit: ok, reasons };
}

/** Resources (item 2), the tool register, preparation checks (item 4), rentals (item 7): load → decide → append. */
@Injectable()
export class ResourceHandlers {
  constructor(
    private readonly orders: OrderStore,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A tool lent against the register: the borrower's id checked as a body's UUID is (400 when malformed). */
  @HandlesUseCase(lendTool)
  lend(command: LendTool, request: { expectedVersion?: number }, call: CallContext): Promise<ResourceView> {
    checkBodyIds(command.data, 'borrowerId');
    return this.run(call, command, { expectedVersion: request.expectedVersion });
  }

  /** A vehicle's or unit's preparation for an order, decided on the order's facts from the order list. */
  @HandlesUseCase(recordPreparationCheck)
  async check(
    command: RecordPreparationCheck,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<ResourceView> {
    const order = await this.orderOf(call, command.data.orderId);
    return this.run(call, command, { expectedVersion: request.expectedVersion, order });
  }

  /** A unit delivered on a lease, decided on the order's facts from the order list. */
  @HandlesUseCase(deliverRental)
  async deliver(
    command: DeliverRental,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<ResourceView> {
    const order = await this.orderOf(call, command.data.orderId);
    checkBodyIds(command.data, 'staffSignedBy');
    return this.run(call, command, { expectedVersion: request.expectedVersion, order });
  }

  /** A visit to a leased unit, decided on the order's facts from the order list. */
  @HandlesUseCase(recordRentalVisit)
  async visit(
    command: RecordRentalVisit,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<ResourceView> {
    const order = await this.orderOf(call, command.data.orderId);
    return this.run(call, command, { expectedVersion: request.expectedVersion, order });
  }

  /** A leased unit back, decided on the order's facts from the order list. */
  @HandlesUseCase(inspectRentalReturn)
  async inspectReturn(
    command: InspectRentalReturn,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<ResourceView> {
    const order = await this.orderOf(call, command.data.orderId);
    return this.run(call, command, { expectedVersion: request.expectedVersion, order });
  }

  /**
   * A use case that is the whole of its declared method (`handles`, in its file under domain/resource/: a resource
   * registered, a state set, papers renewed, maintenance recorded, a tool returned or lost): load, decide, append
   * (`run`).
   */
  change(
    call: CallContext,
    command: ResourceCommand,
    expectedVersion: number | undefined,
  ): Promise<ResourceView> {
    return this.run(call, command, { expectedVersion });
  }

  /** The reminder timer: once per paper and last day (a renewal moved it; the decider refuses a repeat). */
  async remind(timer: DueTimer): Promise<void> {
    const { resourceId, paper } = timer.payload;
    if (typeof resourceId !== 'string' || !(PAPERS as readonly unknown[]).includes(paper))
      throw new Error(`timer ${timer.id} names no resource paper`);
    await this.run(systemCall(timer.tenantId, 'resource-expiry', timer.id), {
      type: 'RemindExpiry',
      data: { resourceId, paper: paper as Paper },
    });
  }

  /** The overdue timer, the day after a tool's due day: nothing once returned or marked already. */
  async markOverdue(timer: DueTimer): Promise<void> {
    const { resourceId } = timer.payload;
    if (typeof resourceId !== 'string') throw new Error(`timer ${timer.id} names no resource`);
    await this.run(systemCall(timer.tenantId, 'tool-overdue', timer.id), {
      type: 'MarkToolOverdue',
      data: { resourceId },
    });
  }

  /** The order a record belongs to: 404 when unknown in this tenant. */
  private async orderOf(call: CallContext, orderId: string | undefined) {
    const id = uuidField(orderId, 'orderId');
    const { rows } = await this.orders.runtime.store.pool.query<{
      customer_id: string;
      kind: string;
      contract_id: string | null;
      status: string;
    }>(
      // A rental visit's or return's lease is the contract its records name (the order's own otherwise).
      `SELECT customer_id, kind, COALESCE(lease_contract_id, contract_id) AS contract_id, status
         FROM orders.order_list WHERE tenant_id = $1 AND order_id = $2`,
      [call.tenantId, id],
    );
    const row = rows[0];
    if (!row) throw new ProblemError('ORDERS.ORDER_NOT_FOUND', 'no such order');
    return {
      orderId: id,
      kind: row.kind,
      customerId: row.customer_id,
      ...(row.contract_id ? { contractId: row.contract_id } : {}),
      ...(row.status === 'closed' ? { closed: true } : {}),
      ...(row.status === 'cancelled' ? { cancelled: true } : {}),
    };
  }

  private async run(
    call: CallContext,
    command: ResourceCommand,
    options: {
      newStream?: boolean;
      expectedVersion?: number | undefined;
      order?: RecordOrder;
    } = {},
  ): Promise<ResourceView> {
    const { runtime } = this.orders;
    const resourceId = command.data.resourceId;
    const calendar = await this.facts.calendarOf(call.tenantId);
    const now = this.clock.now();
    const today = localDateOf(calendar.timeZone, now);
    await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        resourceDecider,
        resourceStreamId(call.tenantId, resourceId),
        command,
        { now, today, ...optional('order', options.order) },
        call,
        {
          ...optional('newStream', options.newStream),
          ...optional('expectedVersion', options.expectedVersion),
          inline: (tx, state, version, events) =>
            this.keep(tx, call.tenantId, state as ResourceStateT, version, events as ResourceEvent[], {
              now,
              calendar,
            }),
        },
      ),
    );
    return resourceViewOf(
      await readResource(runtime.store, call.tenantId, resourceId),
      calendar.timeZone,
      now,
    );
  }

  /** The list's row and the timers, in the append's transaction: a timer exists if and only if its event does. */
  private async keep(
    tx: PoolClient,
    tenantId: string,
    state: ResourceStateT,
    version: number,
    events: readonly ResourceEvent[],
    { now, calendar }: { now: Date; calendar: BusinessCalendar },
  ): Promise<void> {
    if (state.status === 'absent') return;
    const { timers } = this.orders;
    await tx.query(
      `INSERT INTO orders.resource_list (resource_id, tenant_id, version, kind, state, inspection_valid_to,
         insurance_valid_to, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (resource_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state,
         inspection_valid_to = EXCLUDED.inspection_valid_to, insurance_valid_to = EXCLUDED.insurance_valid_to`,
      [
        state.resourceId,
        tenantId,
        version,
        state.kind,
        state.state,
        state.inspectionValidTo ?? null,
        state.insuranceValidTo ?? null,
        now,
      ],
    );
    const { resourceId } = state;
    for (const e of events)
      switch (e.type) {
        case 'ResourceRegistered':
        case 'ResourcePapersUpdated':
          for (const paper of PAPERS) {
            const validTo = paper === 'inspection' ? e.data.inspectionValidTo : e.data.insuranceValidTo;
            if (validTo === undefined) continue;
            const due = expiryReminderAt(calendar, validTo);
            await timers.schedule(tx, {
              id: expiryTimerId(resourceId, paper),
              tenantId,
              kind: RESOURCE_EXPIRY_TIMER,
              dueAt: due < now ? now : due,
              payload: { resourceId, paper },
            });
          }
          break;
        case 'ToolLent':
          await timers.schedule(tx, {
            id: overdueTimerId(resourceId),
            tenantId,
            kind: TOOL_OVERDUE_TIMER,
            dueAt: toolOverdueAt(calendar, e.data.dueBack),
            payload: { resourceId },
          });
          break;
        case 'ToolReturned':
        case 'ToolLostCharged':
          await timers.cancel(tx, overdueTimerId(resourceId));
          break;
        case 'MaintenanceRecorded':
        case 'PreparationChecked':
        case 'RentalDelivered':
        case 'RentalReturnInspected':
        case 'RentalVisitRecorded':
        case 'ResourceExpiryReminded':
        case 'ResourceStateSet':
        case 'ToolWentOverdue':
          break; // nothing timed
        default: {
          const unknown: never = e;
          return unknown;
        }
      }
  }
}

// Every use case with `handles` bound to no method above (RegisterResource, SetResourceState, ReturnTool, …):
// request → command → `change`.
handlesUseCases(ResourceHandlers, RESOURCE_USE_CASES, function (command, request, call) {
  return this.change(call, command as ResourceCommand, request.expectedVersion);
});

/** Reads: one resource (now or at `asOf`), its history, the list. */
@Injectable()
export class ResourceQueries {
  constructor(
    private readonly orders: OrderStore,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Handles('orders.GetResource')
  async get({ id, asOf }: { id: string; asOf?: string }, call: CallContext): Promise<ResourceView> {
    const at = asOfDate(asOf);
    const [all, calendar] = await Promise.all([
      readResource(this.orders.runtime.store, call.tenantId, id),
      this.facts.calendarOf(call.tenantId),
    ]);
    const events = at ? all.filter((e) => e.recordedAt.getTime() <= at.getTime()) : all;
    if (events.length === 0) throw notFoundResource();
    return resourceViewOf(events, calendar.timeZone, at ?? this.clock.now());
  }

  @Handles('orders.GetResourceHistory')
  async history({ id }: { id: string }, call: CallContext): Promise<{ id: string; entries: HistoryEntry[] }> {
    const events = await readResource(this.orders.runtime.store, call.tenantId, id);
    return { id, entries: historyOf(events, 'resourceId') };
  }

  /** Newest first, `limit` (1–200, default 50) at a time; `nextCursor` continues where a page ended. */
  @Handles('orders.ListResources')
  async list(
    filter: { limit?: number; cursor?: string; kind?: string; state?: string; expiringBefore?: string },
    call: CallContext,
  ): Promise<{ items: ResourceView[]; nextCursor?: string }> {
    const limit = limitOf(filter.limit);
    const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    const { pool } = this.orders.runtime.store;
    const { rows } = await pool.query<{ resource_id: string; registered_at: Date }>(
      `SELECT resource_id, registered_at FROM orders.resource_list WHERE tenant_id = $1
         AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR state = $3)
         AND ($4::date IS NULL OR inspection_valid_to < $4 OR insurance_valid_to < $4)
         AND ($5::timestamptz IS NULL OR (registered_at, resource_id) < ($5, $6::uuid))
       ORDER BY registered_at DESC, resource_id DESC LIMIT $7`,
      [
        call.tenantId,
        filter.kind || null,
        filter.state || null,
        filter.expiringBefore || null,
        after?.at ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    const [calendar, streams] = await Promise.all([
      this.facts.calendarOf(call.tenantId),
      Promise.all(page.map((r) => readResource(this.orders.runtime.store, call.tenantId, r.resource_id))),
    ]);
    const now = this.clock.now();
    const last = page.at(-1);
    return {
      items: streams.map((events: RecordedEvent[]) => resourceViewOf(events, calendar.timeZone, now)),
      ...(rows.length > limit && last
        ? { nextCursor: encodeCursor(last.registered_at, last.resource_id) }
        : {}),
    };
  }
}
