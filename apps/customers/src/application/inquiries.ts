import { Inject, Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import {
  DurableTimers,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  ProblemError,
  type CallContext,
  type DueTimer,
  type EventCodec,
  uuidField,
} from '@serviceops/platform';
import type { SalesNeed } from '../domain/inquiry/hand-off-inquiry';
import { openInquiry, type OpenInquiry } from '../domain/inquiry/open-inquiry';
import {
  INQUIRY_USE_CASES,
  inquiryDecider,
  inquiryStreamId,
  type InquiryCommand,
} from '../domain/inquiry/inquiry.decider';
import { SEALED_PATHS, type InquiryEvent } from '../domain/inquiry/inquiry.events';
import { ReadModelQueries } from '../infrastructure/read-model.repository';
import { customerStatusOf, systemCall } from './customer-status';
import { Sealing } from './customer-store';
import { MASK, revealer } from './masking';
import { decodeCursor, keysetPage, limitOf } from './paging';
import { PersonalDataReads } from './personal-data-reads';
import { CustomerPolicies } from './policies';
import { historyOf } from './customer-queries';
import { TenantFacts } from '../infrastructure/tenant-facts.repository';

export const INQUIRY_PATHS = SEALED_PATHS;
const notFoundInquiry = () => new ProblemError('CUSTOMERS.INQUIRY_NOT_FOUND', 'no such inquiry');
export const INQUIRY_OVERDUE_TIMER = 'inquiry-overdue';
export const INQUIRY_STATUSES = ['open', 'overdue', 'answered', 'handed_off'] as const;

export const overdueTimerId = (inquiryId: string): string => `${INQUIRY_OVERDUE_TIMER}:${inquiryId}`;

export interface InquiryView {
  readonly id: string;
  readonly version: number;
  readonly customerId: string;
  readonly status: string;
  readonly channel: string;
  readonly subject?: string;
  readonly content?: string;
  readonly answer?: string;
  readonly receivedAt: string;
  readonly replyDueAt?: string;
  readonly answeredAt?: string;
  readonly late?: boolean;
  readonly overdueAt?: string;
  readonly need?: SalesNeed;
  readonly handedOffAt?: string;
  readonly policyVersion: number;
  readonly masked: boolean;
}

/** The inquiry folded from its (opened) events, with the fields the caller saw in clear. */
export function inquiryViewOf(events: readonly InquiryEvent[], version: number, clear: boolean) {
  const { reveal, shown } = revealer(clear);
  let view: { -readonly [K in keyof InquiryView]?: InquiryView[K] } = {};
  for (const e of events) {
    switch (e.type) {
      case 'InquiryReceived': {
        const { inquiryId, subject, content, ...rest } = e.data;
        view = { id: inquiryId, status: 'open', ...rest };
        const s = reveal(subject, 'subject');
        const c = reveal(content, 'content');
        if (s !== undefined) view.subject = s;
        if (c !== undefined) view.content = c;
        break;
      }
      case 'InquiryAnswered': {
        const a = reveal(e.data.answer, 'answer');
        view = { ...view, status: 'answered', answeredAt: e.data.answeredAt, late: e.data.late };
        if (a !== undefined) view.answer = a;
        break;
      }
      case 'InquiryWentOverdue':
        view = { ...view, status: 'overdue', overdueAt: e.data.overdueAt };
        break;
      case 'InquiryHandedOff': {
        const { type, place, requirements, ...need } = e.data.need;
        // The need's type is free text too; a view keeps the field (the schema wants it) but shows no more of it.
        const t = reveal(type, 'need.type') ?? MASK;
        const p = reveal(place, 'need.place');
        const r = reveal(requirements, 'need.requirements');
        view = {
          ...view,
          status: 'handed_off',
          handedOffAt: e.data.handedOffAt,
          need: {
            ...need,
            type: t,
            ...(p !== undefined ? { place: p } : {}),
            ...(r !== undefined ? { requirements: r } : {}),
          },
        };
        break;
      }
      default:
        // An event the view does not show (a new use case's, or one retired but still in old streams) leaves it as
        // it is, as the decider does: a new command is not one more case to add here.
        break;
    }
  }
  if (view.id === undefined) throw new ProblemError('CUSTOMERS.INQUIRY_NOT_FOUND', 'no such inquiry');
  return { view: { ...view, version, masked: !clear } as InquiryView, shown: shown() };
}

/** Inquiries: codecs by the customer they belong to, timers for their reply deadlines. */
@Injectable()
export class InquiryStore {
  constructor(
    readonly sealing: Sealing,
    @Inject(DurableTimers) readonly timers: DurableTimers,
  ) {}

  codecOf(
    tenantId: string,
    inquiryId: string,
  ): Promise<{ customerId: string; codec: EventCodec<InquiryEvent> }> {
    return this.sealing.forRecord<InquiryEvent>(
      inquiryStreamId(tenantId, inquiryId),
      INQUIRY_PATHS,
      notFoundInquiry,
    );
  }

  load(tenantId: string, inquiryId: string) {
    return this.sealing.readRecord<InquiryEvent>(
      inquiryStreamId(tenantId, inquiryId),
      INQUIRY_PATHS,
      notFoundInquiry,
    );
  }
}

/**
 * Open, answer, hand off, or (the timer) mark overdue: the deadline's timer goes once the inquiry is closed. A use case
 * that is the whole of its declared method (`handles`, in its file under domain/inquiry/: answer, hand off) is served
 * by `act`, bound at the end of this file; opening (bound to `open`) reads the policy and calendar first.
 */
@Injectable()
export class InquiryHandlers {
  constructor(
    private readonly inquiries: InquiryStore,
    private readonly policies: CustomerPolicies,
    private readonly tenants: TenantFacts,
  ) {}

  @HandlesUseCase(openInquiry)
  async open(command: OpenInquiry, _request: object, call: CallContext): Promise<InquiryView> {
    const data = { ...command.data, customerId: uuidField(command.data.customerId, 'customerId') };
    const { runtime } = this.inquiries.sealing;
    const { inquiryId } = data;
    const [customer, policy, calendar, codec] = await Promise.all([
      customerStatusOf(runtime.store, call.tenantId, data.customerId),
      this.policies.current(call.tenantId),
      this.tenants.calendarOf(call.tenantId),
      this.inquiries.sealing.forRead<InquiryEvent>(data.customerId, INQUIRY_PATHS),
    ]);
    const done = await runtime.timed('OpenInquiry', () =>
      execute(
        runtime.store,
        inquiryDecider,
        inquiryStreamId(call.tenantId, inquiryId),
        { ...command, data },
        {
          now: new Date(),
          calendar,
          customer,
          policy: {
            version: policy.version,
            withinBusinessHours: policy.policy.inquiryReply.withinBusinessHours,
          },
        },
        call,
        {
          codec,
          newStream: true,
          policyVersion: policy.version,
          inline: async (tx, _state, _version, events) => {
            for (const event of events as InquiryEvent[])
              if (event.type === 'InquiryReceived' && event.data.replyDueAt)
                await this.inquiries.timers.schedule(tx, {
                  id: overdueTimerId(inquiryId),
                  tenantId: call.tenantId,
                  kind: INQUIRY_OVERDUE_TIMER,
                  dueAt: new Date(event.data.replyDueAt),
                  payload: { inquiryId },
                });
          },
        },
      ),
    );
    return inquiryViewOf(done.events, done.version, seesPersonalData(call.roles)).view;
  }

  /** The reply deadline passed: mark the inquiry overdue (nothing happens if it was answered, or already marked). */
  async overdue(timer: DueTimer): Promise<void> {
    const inquiryId = timer.payload['inquiryId'];
    if (typeof inquiryId !== 'string') throw new Error(`timer ${timer.id} names no inquiry`);
    await this.act(systemCall(timer.tenantId, 'reply-deadline', timer.id), {
      type: 'MarkInquiryOverdue',
      data: { inquiryId },
    });
  }

  /** A command on an existing inquiry: its customer's status in the context, the deadline's timer cancelled once closed. */
  async act(
    call: CallContext,
    command: Exclude<InquiryCommand, { type: 'OpenInquiry' }>,
    expectedVersion?: number,
  ): Promise<InquiryView> {
    const { runtime } = this.inquiries.sealing;
    const { inquiryId } = command.data;
    const { customerId, codec } = await this.inquiries.codecOf(call.tenantId, inquiryId);
    const customer = await customerStatusOf(runtime.store, call.tenantId, customerId);
    const closes = command.type !== 'MarkInquiryOverdue';
    await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        inquiryDecider,
        inquiryStreamId(call.tenantId, inquiryId),
        command,
        { now: new Date(), customer },
        call,
        {
          codec,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(closes
            ? {
                inline: async (tx) =>
                  void (await this.inquiries.timers.cancel(tx, overdueTimerId(inquiryId))),
              }
            : {}),
        },
      ),
    );
    const { events, decoded } = await this.inquiries.load(call.tenantId, inquiryId);
    return inquiryViewOf(decoded, events.at(-1)?.streamVersion ?? 0, seesPersonalData(call.roles)).view;
  }
}

export interface InquiryFilter {
  readonly limit?: number;
  readonly cursor?: string;
  readonly status?: string;
  readonly customerId?: string;
}

@Injectable()
export class InquiryQueries {
  constructor(
    private readonly inquiries: InquiryStore,
    private readonly readModels: ReadModelQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Handles('customers.GetInquiry')
  async get({ id: inquiryId }: { id: string }, call: CallContext): Promise<InquiryView> {
    const { customerId, events, decoded } = await this.inquiries.load(call.tenantId, inquiryId);
    const { view, shown } = inquiryViewOf(
      decoded,
      events.at(-1)?.streamVersion ?? 0,
      seesPersonalData(call.roles),
    );
    await this.reads.record(call, [{ customerId, fields: shown }], { kind: 'inquiry', id: inquiryId });
    return view;
  }

  @Handles('customers.GetInquiryHistory')
  async history({ id: inquiryId }: { id: string }, call: CallContext) {
    const { events } = await this.inquiries.sealing.runtime.store.readStream(
      inquiryStreamId(call.tenantId, inquiryId),
    );
    if (events.length === 0) throw new ProblemError('CUSTOMERS.INQUIRY_NOT_FOUND', 'no such inquiry');
    return { id: inquiryId, entries: historyOf(events) };
  }

  /** Newest first; `status=open` or `overdue` are the work queues (overdue ones are open and late). */
  @Handles('customers.ListInquiries')
  async list(
    filter: InquiryFilter,
    call: CallContext,
  ): Promise<{ items: InquiryView[]; nextCursor?: string }> {
    const limit = limitOf(filter.limit);
    if (filter.status && !(INQUIRY_STATUSES as readonly string[]).includes(filter.status))
      throw new ProblemError('VALIDATION', 'unknown status', [
        { path: 'status', message: INQUIRY_STATUSES.join(', ') },
      ]);
    const rows = await this.readModels.inquiries(
      call.tenantId,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.customerId ? { customerId: filter.customerId } : {}),
        ...(filter.cursor ? { after: decodeCursor(filter.cursor) } : {}),
      },
      limit,
    );
    const { page, nextCursor } = keysetPage(rows, limit, (r) => ({ at: r.receivedAt, id: r.inquiryId }));
    const { cipher } = this.inquiries.sealing;
    const keys = await cipher.loadMany([...new Set(page.map((r) => r.customerId))]);
    const clear = seesPersonalData(call.roles);
    const reads: { customerId: string; fields: string[] }[] = [];
    const items = page.map((row): InquiryView => {
      const key = keys.get(row.customerId);
      const subject = row.subject && key ? cipher.open(key, row.customerId, row.subject) : undefined;
      const { reveal, shown } = revealer(clear);
      const s = reveal(subject, 'subject');
      reads.push({ customerId: row.customerId, fields: shown() });
      return {
        id: row.inquiryId,
        version: row.version,
        customerId: row.customerId,
        status: row.status,
        channel: row.channel,
        ...(s !== undefined ? { subject: s } : {}),
        receivedAt: row.receivedAt.toISOString(),
        ...(row.replyDueAt ? { replyDueAt: row.replyDueAt.toISOString() } : {}),
        ...(row.answeredAt ? { answeredAt: row.answeredAt.toISOString() } : {}),
        ...(row.late !== null ? { late: row.late } : {}),
        ...(row.overdueAt ? { overdueAt: row.overdueAt.toISOString() } : {}),
        ...(row.handedOffAt ? { handedOffAt: row.handedOffAt.toISOString() } : {}),
        policyVersion: row.policyVersion,
        masked: !clear,
      };
    });
    await this.reads.record(call, reads, { kind: 'inquiry-list' });
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }
}

// Every use case with `handles` (AnswerInquiry, HandOffInquiryToSales): request → command → `act`.
handlesUseCases(InquiryHandlers, INQUIRY_USE_CASES, function (command, request, call) {
  return this.act(call, command as Exclude<InquiryCommand, { type: 'OpenInquiry' }>, request.expectedVersion);
});
