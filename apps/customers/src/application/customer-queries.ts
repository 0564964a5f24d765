import { Injectable } from '@nestjs/common';
import { ProblemError, type CallContext } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { customerDecider } from '../domain/customer/customer.decider';
import { PERSONAL_FIELDS } from '../domain/customer/customer.events';
import { mapPersonalFields } from '../infrastructure/personal-data-cipher';
import { CustomerListRow } from '../infrastructure/read-models';
import { CustomerCodecs, customerStream } from './customer-store';
import { toCustomerView, type CustomerView } from './customer-view';

export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actorId: string;
  readonly onBehalfOf?: string;
  readonly reason?: string;
  readonly correlationId?: string;
  readonly fields: readonly string[];
}

export interface ListFilter {
  readonly limit?: number;
  readonly cursor?: string;
  readonly channel?: string;
  readonly branchId?: string;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

function encodeCursor(row: CustomerListRow): string {
  return Buffer.from(`${row.registeredAt.toISOString()}|${row.customerId}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw new ProblemError('VALIDATION', 'invalid cursor', [
      { path: 'cursor', message: 'use a nextCursor as given' },
    ]);
  return { at: date, id };
}

@Injectable()
export class CustomerQueries {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly dataSource: DataSource,
  ) {}

  /** One customer from its stream (a read sees the write just made); `asOf` folds only what was known then. */
  async get(call: CallContext, customerId: string, asOf?: string): Promise<CustomerView> {
    const codec = await this.codecs.forRead(customerId);
    const at = asOf === undefined ? undefined : new Date(asOf);
    if (at && Number.isNaN(at.getTime()))
      throw new ProblemError('VALIDATION', 'asOf is not a date', [
        { path: 'asOf', message: 'ISO 8601 expected' },
      ]);
    const { events } = await this.codecs.runtime.store.readStream(customerStream(call.tenantId, customerId), {
      ...(at ? { asOf: at } : {}),
    });
    const state = events
      .map((e) => codec.decode(e))
      .reduce(customerDecider.evolve, customerDecider.initialState());
    return toCustomerView(state, events.at(-1)?.streamVersion ?? 0);
  }

  async history(call: CallContext, customerId: string): Promise<{ id: string; entries: HistoryEntry[] }> {
    const { events } = await this.codecs.runtime.store.readStream(customerStream(call.tenantId, customerId));
    if (events.length === 0) throw new ProblemError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
    return {
      id: customerId,
      entries: events.map((e) => ({
        version: e.streamVersion,
        type: e.type,
        at: e.recordedAt.toISOString(),
        actorId: String(e.metadata.actorId ?? ''),
        ...(e.metadata.onBehalfOf ? { onBehalfOf: e.metadata.onBehalfOf } : {}),
        ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
        ...(e.metadata.correlationId ? { correlationId: e.metadata.correlationId } : {}),
        fields: Object.keys(e.data as object).filter((f) => f !== 'customerId'),
      })),
    };
  }

  /** Newest first, `limit` (1–200, default 50) at a time; `nextCursor` continues where a page ended. */
  async list(call: CallContext, filter: ListFilter): Promise<{ items: CustomerView[]; nextCursor?: string }> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw new ProblemError('VALIDATION', 'limit out of range', [
        { path: 'limit', message: `1–${MAX_LIMIT}` },
      ]);
    const query = this.dataSource
      .getRepository(CustomerListRow)
      .createQueryBuilder('c')
      .where('c.tenantId = :tenant', { tenant: call.tenantId })
      .orderBy('c.registeredAt', 'DESC')
      .addOrderBy('c.customerId', 'DESC')
      .limit(limit + 1);
    if (filter.channel) query.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter.branchId) query.andWhere('c.branchId = :branch', { branch: filter.branchId });
    if (filter.cursor) {
      const { at, id } = decodeCursor(filter.cursor);
      query.andWhere('(c.registeredAt, c.customerId) < (:at, :id)', { at, id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    const keys = await this.codecs.cipher.loadMany(page.map((row) => row.customerId));
    const items = page.map((row) => this.view(row, keys.get(row.customerId)));
    const last = page.at(-1);
    return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(last) } : {}) };
  }

  private view(row: CustomerListRow, key: Buffer | undefined): CustomerView {
    const sealed = { name: row.name, phone: row.phone, email: row.email, notes: row.notes };
    const open = key
      ? mapPersonalFields(sealed, PERSONAL_FIELDS, (v) => this.codecs.cipher.open(key, row.customerId, v))
      : sealed;
    return {
      id: row.customerId,
      version: row.version,
      name: open.name,
      ...(open.phone ? { phone: open.phone } : {}),
      ...(open.email ? { email: open.email } : {}),
      channel: row.channel,
      ...(row.branchId ? { branchId: row.branchId } : {}),
      ...(open.notes ? { notes: open.notes } : {}),
      registeredAt: row.registeredAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
