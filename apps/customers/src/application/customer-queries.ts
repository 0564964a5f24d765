import { Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import type { RecordedEvent } from '@serviceops/kernel';
import { Handles, ProblemError, type CallContext } from '@serviceops/platform';
import { customerDecider } from '../domain/customer/customer.decider';
import { CUSTOMER_SEALED_PATHS, type CustomerNeed } from '../domain/customer/customer.events';
import type { CustomerState } from '../domain/customer/customer.state';
import { mapSealed } from '../infrastructure/personal-data-cipher';
import { ReadModelQueries } from '../infrastructure/read-model.repository';
import type { CustomerListRow } from '../infrastructure/read-models';
import { CustomerCodecs, customerStream } from './customer-store';
import { personalView, toCustomerView, type CustomerView } from './customer-view';
import { asOfDate, decodeCursor, keysetPage, limitOf } from './paging';
import { PersonalDataReads } from './personal-data-reads';

export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actorId: string;
  readonly onBehalfOf?: string;
  readonly reason?: string;
  readonly correlationId?: string;
  readonly fields: readonly string[];
  readonly policyVersion?: number;
}

export const CUSTOMER_STATUSES = ['active', 'merged', 'erased'] as const;

export interface ListFilter {
  readonly limit?: number;
  readonly cursor?: string;
  readonly channel?: string;
  readonly branchId?: string;
  readonly status?: string;
}

/** A stream's events as history: who, when, on whose behalf, why, which fields (never their values). */
export function historyOf(events: readonly RecordedEvent[]): HistoryEntry[] {
  return events.map((e) => ({
    version: e.streamVersion,
    type: e.type,
    at: e.recordedAt.toISOString(),
    actorId: String(e.metadata.actorId ?? 'system'),
    ...(e.metadata.onBehalfOf ? { onBehalfOf: e.metadata.onBehalfOf } : {}),
    ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    ...(e.metadata.correlationId ? { correlationId: e.metadata.correlationId } : {}),
    ...(e.metadata.policyVersion !== undefined ? { policyVersion: e.metadata.policyVersion } : {}),
    fields: Object.keys(e.data as object).filter((f) => f !== 'customerId'),
  }));
}

@Injectable()
export class CustomerQueries {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly readModels: ReadModelQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  /** The customer's state from its stream (a read sees the write just made); `asOf` folds what was known then. */
  async state(
    tenantId: string,
    customerId: string,
    asOf?: Date,
  ): Promise<{ state: CustomerState; version: number }> {
    const codec = await this.codecs.forRead(customerId);
    const { events } = await this.codecs.runtime.store.readStream(customerStream(tenantId, customerId), {
      ...(asOf ? { asOf } : {}),
    });
    const state = events
      .map((e) => codec.decode(e))
      .reduce(customerDecider.evolve, customerDecider.initialState());
    return { state, version: events.at(-1)?.streamVersion ?? 0 };
  }

  @Handles('customers.GetCustomer')
  async get(
    { id: customerId, asOf }: { id: string; asOf?: string },
    call: CallContext,
  ): Promise<CustomerView> {
    const { state, version } = await this.state(call.tenantId, customerId, asOfDate(asOf));
    const { view, shown } = toCustomerView(state, version, seesPersonalData(call.roles));
    await this.reads.record(call, [{ customerId, fields: shown }], { kind: 'customer', id: customerId });
    return view;
  }

  @Handles('customers.GetCustomerHistory')
  async history(
    { id: customerId }: { id: string },
    call: CallContext,
  ): Promise<{ id: string; entries: HistoryEntry[] }> {
    const { events } = await this.codecs.runtime.store.readStream(customerStream(call.tenantId, customerId));
    if (events.length === 0) throw new ProblemError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
    return { id: customerId, entries: historyOf(events) };
  }

  /** Newest first, `limit` (1–200, default 50) at a time; `nextCursor` continues where a page ended. */
  @Handles('customers.ListCustomers')
  async list(filter: ListFilter, call: CallContext): Promise<{ items: CustomerView[]; nextCursor?: string }> {
    const limit = limitOf(filter.limit);
    const status = filter.status ?? 'active';
    if (!(CUSTOMER_STATUSES as readonly string[]).includes(status))
      throw new ProblemError('VALIDATION', 'unknown status', [
        { path: 'status', message: CUSTOMER_STATUSES.join(', ') },
      ]);
    const rows = await this.readModels.customers(
      call.tenantId,
      {
        status,
        ...(filter.channel ? { channel: filter.channel } : {}),
        ...(filter.branchId ? { branchId: filter.branchId } : {}),
        ...(filter.cursor ? { after: decodeCursor(filter.cursor) } : {}),
      },
      limit,
    );
    const { page, nextCursor } = keysetPage(rows, limit, (r) => ({ at: r.registeredAt, id: r.customerId }));
    const keys = await this.codecs.cipher.loadMany(
      page.filter((r) => r.status !== 'erased').map((r) => r.customerId),
    );
    const clear = seesPersonalData(call.roles);
    const views = page.map((row) => this.view(row, keys.get(row.customerId), clear));
    await this.reads.record(
      call,
      views.map((v) => ({ customerId: v.view.id, fields: v.shown })),
      { kind: 'customer-list' },
    );
    return { items: views.map((v) => v.view), ...(nextCursor ? { nextCursor } : {}) };
  }

  /** What happened with the customer (and the duplicates merged into it), newest first. */
  @Handles('customers.GetCustomerTimeline')
  async timeline(
    { id: customerId, ...page }: { id: string; limit?: number; cursor?: string },
    call: CallContext,
  ): Promise<{ id: string; entries: object[]; nextCursor?: string }> {
    const limit = limitOf(page.limit);
    const { state } = await this.state(call.tenantId, customerId);
    if (state.status === 'absent') throw new ProblemError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
    const rows = await this.readModels.timeline(
      call.tenantId,
      [customerId, ...state.mergedFrom],
      page.cursor ? decodeCursor(page.cursor) : undefined,
      limit,
    );
    const { page: shown, nextCursor } = keysetPage(rows, limit, (r) => ({ at: r.at, id: r.eventId }));
    return {
      id: customerId,
      entries: shown.map((r) => ({
        at: r.at.toISOString(),
        kind: r.kind,
        type: r.type,
        refId: r.refId,
        customerId: r.customerId,
      })),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  private view(
    row: CustomerListRow,
    key: Buffer | undefined,
    clear: boolean,
  ): { view: CustomerView; shown: string[] } {
    const sealed = {
      name: row.name,
      gender: row.gender,
      birthDate: row.birthDate,
      phone: row.phone,
      email: row.email,
      address: row.address,
      idNumber: row.idNumber,
      notes: row.notes,
      needs: row.needs as CustomerNeed[] | null,
    };
    const open = key
      ? mapSealed(sealed, CUSTOMER_SEALED_PATHS, (v) => this.codecs.cipher.open(key, row.customerId, v))
      : sealed;
    const { view, shown } =
      row.status === 'erased' ? { view: { needs: [] }, shown: [] } : personalView(open, clear);
    return {
      view: {
        id: row.customerId,
        version: row.version,
        status: row.status as CustomerView['status'],
        ...view,
        channel: row.channel,
        ...(row.branchId ? { branchId: row.branchId } : {}),
        registeredAt: row.registeredAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        masked: row.status !== 'erased' && !clear,
        ...(row.mergedInto ? { mergedInto: row.mergedInto } : {}),
        mergedFrom: row.mergedFrom,
        ...(row.erasedAt ? { erasedAt: row.erasedAt.toISOString() } : {}),
      },
      shown,
    };
  }
}
