import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import { localDateOf } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import {
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  metadataOf,
  ProblemError,
  type CallContext,
  type EventCodec,
  uuidField,
} from '@serviceops/platform';
import type { PoolClient } from 'pg';
import {
  RETURN_VISIT_USE_CASES,
  returnVisitDecider,
  returnVisitStreamId,
  type ReturnVisitCommand,
} from '../domain/return-visit/return-visit.decider';
import { RETURN_VISIT_REASONS } from '../domain/return-visit/return-visit.state';
import { scheduleReturnVisit, type ScheduleReturnVisit } from '../domain/return-visit/schedule-return-visit';
import { SEALED_PATHS, type ReturnVisitEvent } from '../domain/return-visit/return-visit.events';
import { isSealed } from '../infrastructure/personal-data-cipher';
import { ReadModelQueries } from '../infrastructure/read-model.repository';
import type { ReturnVisitListRow } from '../infrastructure/read-models';
import { customerStatusOf, systemCall } from './customer-status';
import { Sealing } from './customer-store';
import { historyOf } from './customer-queries';
import { revealer } from './masking';
import { decodeDayCursor, encodeDayCursor, limitOf } from './paging';
import { PersonalDataReads } from './personal-data-reads';
import { CustomerPolicies } from './policies';
import { TenantFacts } from '../infrastructure/tenant-facts.repository';

export const VISIT_PATHS = SEALED_PATHS;
const notFoundReturnVisit = () => new ProblemError('CUSTOMERS.VISIT_NOT_FOUND', 'no such return visit');
export const VISIT_STATUSES = ['scheduled', 'done', 'cancelled'] as const;

export interface ReturnVisitView {
  readonly id: string;
  readonly version: number;
  readonly customerId: string;
  readonly status: string;
  readonly reason: string;
  readonly dueOn: string;
  readonly serviceRef?: string;
  readonly note?: string;
  readonly scheduledAt: string;
  readonly outcome?: string;
  readonly satisfaction?: string;
  readonly feedback?: string;
  readonly suggestions?: string;
  readonly followUp?: { action?: string; dueOn?: string };
  readonly recordedAt?: string;
  readonly cancelReason?: string;
  readonly cancelledAt?: string;
  readonly policyVersion: number;
  readonly masked: boolean;
}

/** The visit folded from its (opened) events, with the free-text fields the caller saw in clear. */
export function visitViewOf(events: readonly ReturnVisitEvent[], version: number, clear: boolean) {
  const { reveal: text, shown } = revealer(clear);
  let view: { -readonly [K in keyof ReturnVisitView]?: ReturnVisitView[K] } = {};
  for (const e of events) {
    switch (e.type) {
      case 'ReturnVisitScheduled': {
        const { visitId, note, serviceRef, ...rest } = e.data;
        const r = text(serviceRef, 'serviceRef');
        const n = text(note, 'note');
        view = {
          id: visitId,
          status: 'scheduled',
          ...rest,
          ...(r !== undefined ? { serviceRef: r } : {}),
          ...(n !== undefined ? { note: n } : {}),
        };
        break;
      }
      case 'ReturnVisitRecorded': {
        const { feedback, suggestions, followUp, outcome, satisfaction, recordedAt } = e.data;
        const f = text(feedback, 'feedback');
        const s = text(suggestions, 'suggestions');
        const a = followUp ? text(followUp.action, 'followUp.action') : undefined;
        view = {
          ...view,
          status: 'done',
          outcome,
          recordedAt,
          ...(satisfaction ? { satisfaction } : {}),
          ...(f !== undefined ? { feedback: f } : {}),
          ...(s !== undefined ? { suggestions: s } : {}),
          ...(followUp
            ? {
                followUp: {
                  ...(a !== undefined ? { action: a } : {}),
                  ...(followUp.dueOn ? { dueOn: followUp.dueOn } : {}),
                },
              }
            : {}),
        };
        break;
      }
      case 'ReturnVisitCancelled': {
        const r = text(e.data.reason, 'cancelReason');
        view = {
          ...view,
          status: 'cancelled',
          cancelledAt: e.data.cancelledAt,
          ...(r !== undefined ? { cancelReason: r } : {}),
        };
        break;
      }
      default:
        // An event the view does not show (a new use case's, or one retired but still in old streams) leaves it as
        // it is, as the decider does: a new command is not one more case to add here.
        break;
    }
  }
  if (view.id === undefined) throw new ProblemError('CUSTOMERS.VISIT_NOT_FOUND', 'no such return visit');
  return { view: { ...view, version, masked: !clear } as ReturnVisitView, shown: shown() };
}

@Injectable()
export class ReturnVisitStore {
  constructor(
    readonly sealing: Sealing,
    readonly policies: CustomerPolicies,
    readonly tenants: TenantFacts,
  ) {}

  codecOf(
    tenantId: string,
    visitId: string,
  ): Promise<{ customerId: string; codec: EventCodec<ReturnVisitEvent> }> {
    return this.sealing.forRecord<ReturnVisitEvent>(
      returnVisitStreamId(tenantId, visitId),
      VISIT_PATHS,
      notFoundReturnVisit,
    );
  }

  load(tenantId: string, visitId: string) {
    return this.sealing.readRecord<ReturnVisitEvent>(
      returnVisitStreamId(tenantId, visitId),
      VISIT_PATHS,
      notFoundReturnVisit,
    );
  }

  /** What scheduling needs: the customer's status, the policy, and today in the tenant's calendar. */
  async scheduling(tenantId: string, customerId: string, now: Date) {
    const [customer, policy, calendar] = await Promise.all([
      customerStatusOf(this.sealing.runtime.store, tenantId, customerId),
      this.policies.current(tenantId),
      this.tenants.calendarOf(tenantId),
    ]);
    return {
      policyVersion: policy.version,
      context: {
        now,
        today: localDateOf(calendar.timeZone, now),
        customer,
        policy: { version: policy.version, ...policy.policy.returnVisits },
      },
    };
  }
}

/**
 * Schedule, record, cancel: each decided by `returnVisitDecider` on the visit's own stream. A use case that is the
 * whole of its declared method (`handles`, in its file under domain/return-visit/: record, cancel) is served by
 * `act`, bound below; scheduling (bound to `schedule`) reads the policy and calendar first.
 */
@Injectable()
export class ReturnVisitHandlers {
  constructor(private readonly visits: ReturnVisitStore) {}

  @HandlesUseCase(scheduleReturnVisit)
  async schedule(
    command: ScheduleReturnVisit,
    _request: object,
    call: CallContext,
  ): Promise<ReturnVisitView> {
    const data = { ...command.data, customerId: uuidField(command.data.customerId, 'customerId') };
    const { runtime } = this.visits.sealing;
    const { visitId } = data;
    const [{ context, policyVersion }, codec] = await Promise.all([
      this.visits.scheduling(call.tenantId, data.customerId, new Date()),
      this.visits.sealing.forRead<ReturnVisitEvent>(data.customerId, VISIT_PATHS),
    ]);
    const done = await runtime.timed('ScheduleReturnVisit', () =>
      execute(
        runtime.store,
        returnVisitDecider,
        returnVisitStreamId(call.tenantId, visitId),
        { ...command, data },
        context,
        call,
        { codec, newStream: true, policyVersion },
      ),
    );
    return visitViewOf(done.events, done.version, seesPersonalData(call.roles)).view;
  }

  /** A command on an existing visit, its customer's status in the context. */
  async act(
    call: CallContext,
    command: Exclude<ReturnVisitCommand, { type: 'ScheduleReturnVisit' }>,
    expectedVersion?: number,
  ): Promise<ReturnVisitView> {
    const { runtime } = this.visits.sealing;
    const { visitId } = command.data;
    const { customerId, codec } = await this.visits.codecOf(call.tenantId, visitId);
    const customer = await customerStatusOf(runtime.store, call.tenantId, customerId);
    await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        returnVisitDecider,
        returnVisitStreamId(call.tenantId, visitId),
        command,
        { now: new Date(), customer },
        call,
        {
          codec,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        },
      ),
    );
    const { events, decoded } = await this.visits.load(call.tenantId, visitId);
    return visitViewOf(decoded, events.at(-1)?.streamVersion ?? 0, seesPersonalData(call.roles)).view;
  }
}

// Every use case with `handles` (RecordReturnVisit, CancelReturnVisit): request → command → `act`.
handlesUseCases(ReturnVisitHandlers, RETURN_VISIT_USE_CASES, function (command, request, call) {
  return this.act(
    call,
    command as Exclude<ReturnVisitCommand, { type: 'ScheduleReturnVisit' }>,
    request.expectedVersion,
  );
});

/** A visit id derived from the event that caused it: a redelivered event schedules the same visit, once. */
export function derivedId(eventId: string, purpose: string): string {
  const h = createHash('sha256').update(`${purpose}:${eventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16] ?? '0', 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const PERIODIC_VISITS_CONSUMER = 'customers-periodic-visits';

/**
 * Periodic return visits, while the policy sets `everyDays`: the first when a customer registers, the next when
 * a periodic one is recorded or cancelled. Appended in the consumer's transaction, with an id derived from the
 * triggering event, so a redelivery neither loses nor doubles a visit.
 */
export function periodicVisitsProcess(visits: ReturnVisitStore) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    const data = event.data as { customerId?: string; visitReason?: string };
    const triggers =
      event.type === 'CustomerRegistered' ||
      ((event.type === 'ReturnVisitRecorded' || event.type === 'ReturnVisitCancelled') &&
        data.visitReason === 'periodic');
    if (!triggers || !data.customerId) return;
    // Most tenants have no periodic visits: the policy alone says so, before anything else is read.
    if ((await visits.policies.current(tenantId)).policy.returnVisits.everyDays === null) return;
    const { context, policyVersion } = await visits.scheduling(tenantId, data.customerId, new Date());
    if (context.policy.everyDays === null || context.customer !== 'active') return;
    const visitId = derivedId(event.eventId, 'periodic-visit');
    const events = returnVisitDecider.decide(
      { type: 'ScheduleReturnVisit', data: { visitId, customerId: data.customerId, reason: 'periodic' } },
      returnVisitDecider.initialState(),
      context,
    );
    const call = systemCall(
      tenantId,
      'periodic-visits',
      String(event.metadata.correlationId ?? event.eventId),
    );
    const { store } = visits.sealing.runtime;
    await store.appendWith(tx, returnVisitStreamId(tenantId, visitId), events, {
      expectedVersion: 'no_stream',
      metadata: { ...metadataOf(call, { policyVersion }), causationId: event.eventId },
    });
  };
}

export interface VisitFilter {
  readonly limit?: number;
  readonly cursor?: string;
  readonly status?: string;
  readonly customerId?: string;
  readonly dueBy?: string;
}

@Injectable()
export class ReturnVisitQueries {
  constructor(
    private readonly visits: ReturnVisitStore,
    private readonly readModels: ReadModelQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Handles('customers.GetReturnVisit')
  async get({ id: visitId }: { id: string }, call: CallContext): Promise<ReturnVisitView> {
    const { customerId, events, decoded } = await this.visits.load(call.tenantId, visitId);
    const { view, shown } = visitViewOf(
      decoded,
      events.at(-1)?.streamVersion ?? 0,
      seesPersonalData(call.roles),
    );
    await this.reads.record(call, [{ customerId, fields: shown }], { kind: 'return-visit', id: visitId });
    return view;
  }

  @Handles('customers.GetReturnVisitHistory')
  async history({ id: visitId }: { id: string }, call: CallContext) {
    const { events } = await this.visits.sealing.runtime.store.readStream(
      returnVisitStreamId(call.tenantId, visitId),
    );
    if (events.length === 0) throw new ProblemError('CUSTOMERS.VISIT_NOT_FOUND', 'no such return visit');
    return { id: visitId, entries: historyOf(events) };
  }

  /**
   * A visit's reason is one of three words, kept in clear; visits scheduled before sealing was per event type
   * have it sealed in the list: opened here with the customer's key, never shown sealed. After an erasure that
   * key is gone and the reason cannot be known; such a visit (written before this rule, then erased) is listed
   * as `on_demand`.
   */
  private reasonOf(row: ReturnVisitListRow, key: Buffer | undefined): string {
    if (!isSealed(row.reason)) return row.reason;
    const opened = key ? this.visits.sealing.cipher.open(key, row.customerId, row.reason) : undefined;
    return opened && (RETURN_VISIT_REASONS as readonly string[]).includes(opened) ? opened : 'on_demand';
  }

  /** The service reference, sealed in the list since it is free text (rows from before hold it in clear). */
  private serviceRefOf(row: ReturnVisitListRow, key: Buffer | undefined): string | undefined {
    if (row.serviceRef === null || !isSealed(row.serviceRef)) return row.serviceRef ?? undefined;
    return key ? this.visits.sealing.cipher.open(key, row.customerId, row.serviceRef) : undefined;
  }

  /**
   * Earliest due first (the call list of the day with `status=scheduled&dueBy=<today>`). The only free text in
   * the list, the service reference, is shown like the visit shows it (and its clear reads recorded).
   */
  @Handles('customers.ListReturnVisits')
  async list(
    filter: VisitFilter,
    call: CallContext,
  ): Promise<{ items: ReturnVisitView[]; nextCursor?: string }> {
    const limit = limitOf(filter.limit);
    if (filter.status && !(VISIT_STATUSES as readonly string[]).includes(filter.status))
      throw new ProblemError('VALIDATION', 'unknown status', [
        { path: 'status', message: VISIT_STATUSES.join(', ') },
      ]);
    const after = filter.cursor ? decodeDayCursor(filter.cursor) : undefined;
    const rows = await this.readModels.returnVisits(
      call.tenantId,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.customerId ? { customerId: filter.customerId } : {}),
        ...(filter.dueBy ? { dueBy: filter.dueBy } : {}),
        ...(after ? { after: { at: after.day, id: after.id } } : {}),
      },
      limit,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const { cipher } = this.visits.sealing;
    const keys = await cipher.loadMany([...new Set(page.map((r) => r.customerId))]);
    const clear = seesPersonalData(call.roles);
    const reads: { customerId: string; fields: string[] }[] = [];
    const items = page.map((row): ReturnVisitView => {
      const key = keys.get(row.customerId);
      const { reveal, shown } = revealer(clear);
      const serviceRef = reveal(this.serviceRefOf(row, key), 'serviceRef');
      reads.push({ customerId: row.customerId, fields: shown() });
      return {
        id: row.visitId,
        version: row.version,
        customerId: row.customerId,
        status: row.status,
        reason: this.reasonOf(row, key),
        dueOn: row.dueOn,
        ...(serviceRef !== undefined ? { serviceRef } : {}),
        scheduledAt: row.scheduledAt.toISOString(),
        ...(row.outcome ? { outcome: row.outcome } : {}),
        ...(row.satisfaction ? { satisfaction: row.satisfaction } : {}),
        ...(row.recordedAt ? { recordedAt: row.recordedAt.toISOString() } : {}),
        ...(row.cancelledAt ? { cancelledAt: row.cancelledAt.toISOString() } : {}),
        policyVersion: row.policyVersion,
        masked: !clear,
      };
    });
    await this.reads.record(call, reads, { kind: 'return-visit-list' });
    return {
      items,
      ...(rows.length > limit && last ? { nextCursor: encodeDayCursor(last.dueOn, last.visitId) } : {}),
    };
  }
}
