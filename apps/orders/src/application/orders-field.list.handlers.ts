import { Inject, Injectable } from '@nestjs/common';
import { ORDER_STATUSES, SLA_STATES } from '@serviceops/contracts';
import { type BusinessCalendar, type Clock, DomainError, localDayRange } from '@serviceops/kernel';
import {
  decodeCursor,
  encodeCursor,
  Handles,
  historyOf,
  limitOf,
  ProblemError,
  type CallContext,
  type HistoryEntry,
  uuidField,
} from '@serviceops/platform';
import { arrivalSla } from '../domain/order/order.sla';
import { orderStreamId } from '../domain/order/order.decider';
import {
  atRisk,
  byKind,
  byStaff,
  totalHours,
  type AtRisk,
  type KindLine,
  type StaffLine,
} from '../domain/report/daily-report';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import { OrdersFieldRepository, type OrderIndexRow } from '../infrastructure/orders-field.repository';
import { CLOCK, notFoundOrder, OrderStore } from './order-store';

/** Every status an order answers with (libs/contracts states them once). */
export const LIST_STATUSES = ORDER_STATUSES;

/** An order in a list (the proto's OrderSummary): no personal fields. */
export interface OrderSummary {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly customerId: string;
  readonly line: string;
  readonly kind: string;
  readonly serviceType: string;
  readonly zone: string;
  readonly wantedAt: string;
  readonly receivedAt: string;
  readonly arrivalDueAt: string;
  readonly slaState: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly slot?: { readonly start: string; readonly end: string };
  readonly dispatchedAt?: string;
  readonly completedAt?: string;
}

export interface ListOrdersRequest {
  readonly limit?: number;
  readonly cursor?: string;
  readonly status?: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly slaState?: string;
  readonly day?: string;
}

const invalid = (path: string, message: string) =>
  new ProblemError('VALIDATION', `${path}: ${message}`, [{ path, message }]);

function oneOf(value: string | undefined, allowed: readonly string[], path: string): string | undefined {
  if (value !== undefined && !allowed.includes(value)) throw invalid(path, allowed.join(', '));
  return value;
}

/** The tenant's day [start, end), refusing what is not a date as the edge's 400. */
function dayRange(calendar: BusinessCalendar, day: string): { start: Date; end: Date } {
  try {
    return localDayRange(calendar.timeZone, day);
  } catch (error) {
    if (error instanceof DomainError) throw invalid('day', 'YYYY-MM-DD expected');
    throw error;
  }
}

function summaryOf(row: OrderIndexRow, calendar: BusinessCalendar, now: Date): OrderSummary {
  const sla = arrivalSla(row, calendar, now);
  const {
    orderId,
    arrivalWithinBusinessHours: _hours,
    arrivedAt: _arrived,
    hours: _worked,
    cancelledAt: _cancelled,
    ...rest
  } = row;
  return { id: orderId, ...rest, arrivalDueAt: sla.dueAt, slaState: sla.state };
}

/** Batch read while filtering on the SLA state (counted here, not stored). */
const SCAN_BATCH = 200;

/** Order lists and history (issue 15 item 11), from the order index and the order's stream. */
@Injectable()
export class OrderListQueries {
  constructor(
    private readonly rows: OrdersFieldRepository,
    private readonly facts: OrderFacts,
    private readonly orders: OrderStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Newest first (received, then id), `limit` (1–200, default 50) at a time; `nextCursor` continues where a page
   * ended. The SLA state is counted with the calendar as it stands now, so filtering on it reads on in batches.
   */
  @Handles('orders.ListOrders')
  async list(
    request: ListOrdersRequest,
    call: CallContext,
  ): Promise<{ items: OrderSummary[]; nextCursor?: string }> {
    const limit = limitOf(request.limit);
    const status = oneOf(request.status, LIST_STATUSES, 'status');
    const slaState = oneOf(request.slaState, SLA_STATES, 'slaState');
    const calendar = await this.facts.calendarOf(call.tenantId);
    const now = this.clock.now();
    const filter = {
      ...(status ? { status } : {}),
      ...(request.staffId ? { staffId: uuidField(request.staffId, 'staffId') } : {}),
      ...(request.resourceId !== undefined
        ? { resourceId: uuidField(request.resourceId, 'resourceId') }
        : {}),
      ...(request.day !== undefined ? { day: dayRange(calendar, request.day) } : {}),
    };
    let after = request.cursor ? decodeCursor(request.cursor) : undefined;
    const items: OrderSummary[] = [];
    for (;;) {
      const batch = await this.rows.orders(
        call.tenantId,
        { ...filter, ...(after ? { after } : {}) },
        slaState ? SCAN_BATCH : limit + 1,
      );
      for (const row of batch) {
        const summary = summaryOf(row, calendar, now);
        if (!slaState || summary.slaState === slaState) items.push(summary);
        if (items.length > limit) break;
      }
      const last = batch.at(-1);
      if (items.length > limit || !slaState || !last || batch.length < SCAN_BATCH) break;
      after = { at: new Date(last.receivedAt), id: last.orderId };
    }
    const page = items.slice(0, limit);
    const end = page.at(-1);
    return {
      items: page,
      ...(items.length > limit && end ? { nextCursor: encodeCursor(new Date(end.receivedAt), end.id) } : {}),
    };
  }

  @Handles('orders.GetOrderHistory')
  async history({ id }: { id: string }, call: CallContext): Promise<{ id: string; entries: HistoryEntry[] }> {
    const { events } = await this.orders.runtime.store.readStream(orderStreamId(call.tenantId, id));
    if (events.length === 0) throw notFoundOrder();
    return { id, entries: historyOf(events, 'orderId') };
  }
}

export interface StaffDailyReport {
  readonly staffId: string;
  readonly day: string;
  readonly orders: number;
  readonly hours: number;
  readonly byKind: readonly KindLine[];
  readonly atRisk: readonly AtRisk[];
}

export interface DailyRollup {
  readonly day: string;
  readonly orders: number;
  readonly hours: number;
  readonly byKind: readonly KindLine[];
  readonly staff: readonly StaffLine[];
  readonly atRisk: readonly AtRisk[];
}

/**
 * Daily reports (issue 15 item 10): a day's completed work (OrderCompleted, with the order's kind) and the jobs
 * that will miss their arrival time, counted at the end of the day or now, whichever is earlier, among the orders
 * received before then and not completed by then. The roll-up covers the tenant's whole staff (orders keeps no
 * supervisor's team).
 */
@Injectable()
export class DailyReportQueries {
  constructor(
    private readonly rows: OrdersFieldRepository,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async day(tenantId: string, day: string | undefined) {
    const calendar = await this.facts.calendarOf(tenantId);
    const range = dayRange(calendar, day ?? '');
    const at = new Date(Math.min(range.end.getTime(), this.clock.now().getTime()));
    return { calendar, range, at };
  }

  @Handles('orders.GetStaffDailyReport')
  async staff({ id, day }: { id: string; day?: string }, call: CallContext): Promise<StaffDailyReport> {
    await this.facts.assertKnownStaff(call.tenantId, id);
    const { calendar, range, at } = await this.day(call.tenantId, day);
    const [work, open] = await Promise.all([
      this.rows.workDone(call.tenantId, range, id),
      this.rows.openOrders(call.tenantId, at, id),
    ]);
    return {
      staffId: id,
      day: day ?? '',
      orders: work.length,
      hours: totalHours(work),
      byKind: byKind(work),
      atRisk: atRisk(open, calendar, at),
    };
  }

  @Handles('orders.GetDailyRollup')
  async rollup({ day }: { day?: string }, call: CallContext): Promise<DailyRollup> {
    const { calendar, range, at } = await this.day(call.tenantId, day);
    const [work, open] = await Promise.all([
      this.rows.workDone(call.tenantId, range),
      this.rows.openOrders(call.tenantId, at),
    ]);
    return {
      day: day ?? '',
      orders: work.length,
      hours: totalHours(work),
      byKind: byKind(work),
      staff: byStaff(work),
      atRisk: atRisk(open, calendar, at),
    };
  }
}
