import { assertActiveCustomer, assertCustomerNotErased } from '../customer/active-customer';
import { CUSTOMER_CHANNELS, INQUIRY_FIELDS, isBusinessLine } from '@serviceops/contracts';
import { addBusinessHours, type Decider, isLocalDate, streamId, type TextRule } from '@serviceops/kernel';
import {
  type AnswerInquiry,
  type HandOffInquiryToSales,
  type InquiryCommand,
  type InquiryContext,
  type MarkInquiryOverdue,
  NEED_KINDS,
  type OpenInquiry,
  type SalesNeed,
} from './inquiry.commands';
import { InquiryErrorCode as E, inquiryError, type InquiryErrorCode } from './inquiry.errors';
import type { InquiryEvent } from './inquiry.events';
import { initialInquiryState, type Inquiry, type InquiryState } from './inquiry.state';

export type { InquiryContext } from './inquiry.commands';

/** Most characters (Unicode code points, once trimmed) of each text; every given text has at least one. */

export function decideInquiry(
  command: InquiryCommand,
  state: InquiryState,
  context: InquiryContext,
): readonly InquiryEvent[] {
  switch (command.type) {
    case 'OpenInquiry':
      return openInquiry(command, state, context);
    case 'AnswerInquiry':
      return answerInquiry(command, state, context);
    case 'MarkInquiryOverdue':
      return markInquiryOverdue(command, state, context);
    case 'HandOffInquiryToSales':
      return handOffInquiry(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function openInquiry(command: OpenInquiry, state: InquiryState, context: InquiryContext): InquiryEvent[] {
  const { inquiryId, customerId, channel } = command.data;
  if (state.status !== 'absent') {
    throw inquiryError(E.INQUIRY_EXISTS, `inquiry ${inquiryId} already exists`, { inquiryId });
  }
  const { now, policy, customer, calendar } = context;
  if (policy === undefined || customer === undefined) {
    throw new Error('OpenInquiry needs the policy and the customer’s status in its context');
  }
  assertActiveCustomer(customer, customerId);
  if (!oneOf(CUSTOMER_CHANNELS, channel)) {
    throw inquiryError(E.INVALID_CHANNEL, `channel must be one of ${CUSTOMER_CHANNELS.join(', ')}`, {
      field: 'channel',
    });
  }
  const subject = text(command.data.subject, 'subject', INQUIRY_FIELDS.subject, E.INVALID_SUBJECT);
  const content = text(command.data.content, 'content', INQUIRY_FIELDS.content, E.INVALID_CONTENT);
  const answer =
    command.data.answer === undefined
      ? undefined
      : text(command.data.answer, 'answer', INQUIRY_FIELDS.answer, E.INVALID_ANSWER);

  if (answer === undefined && calendar === undefined) {
    throw new Error('OpenInquiry needs the tenant’s calendar in its context');
  }
  const receivedAt = now.toISOString();
  const received: InquiryEvent = {
    type: 'InquiryReceived',
    data: {
      inquiryId,
      customerId,
      channel,
      subject,
      content,
      receivedAt,
      // Answered on the spot, nothing waits for a reply: no deadline.
      ...(answer !== undefined || calendar === undefined
        ? {}
        : { replyDueAt: addBusinessHours(calendar, now, policy.withinBusinessHours).toISOString() }),
      policyVersion: policy.version,
    },
  };
  if (answer === undefined) return [received];
  return [
    received,
    { type: 'InquiryAnswered', data: { inquiryId, customerId, answer, answeredAt: receivedAt, late: false } },
  ];
}

function answerInquiry(command: AnswerInquiry, state: InquiryState, context: InquiryContext): InquiryEvent[] {
  const inquiry = existing(state, command.data.inquiryId);
  assertCustomerNotErased(context.customer, inquiry.customerId);
  if (inquiry.status === 'answered' || inquiry.status === 'handed_off') {
    throw inquiryError(
      E.INQUIRY_CLOSED,
      `inquiry ${inquiry.inquiryId} is ${inquiry.status.replace('_', ' ')}`,
      {
        inquiryId: inquiry.inquiryId,
        status: inquiry.status,
      },
    );
  }
  const answer = text(command.data.answer, 'answer', INQUIRY_FIELDS.answer, E.INVALID_ANSWER);
  const { now } = context;
  const late = inquiry.replyDueAt !== undefined && now.getTime() > Date.parse(inquiry.replyDueAt);
  return [
    {
      type: 'InquiryAnswered',
      data: {
        inquiryId: inquiry.inquiryId,
        customerId: inquiry.customerId,
        answer,
        answeredAt: now.toISOString(),
        late,
      },
    },
  ];
}

/** The timer's command: an event only for an open inquiry past its deadline, nothing (and no error) otherwise. */
function markInquiryOverdue(
  command: MarkInquiryOverdue,
  state: InquiryState,
  context: InquiryContext,
): InquiryEvent[] {
  if (state.status !== 'open' || state.inquiryId !== command.data.inquiryId) return [];
  const { replyDueAt } = state;
  if (replyDueAt === undefined || context.now.getTime() < Date.parse(replyDueAt)) return [];
  return [
    {
      type: 'InquiryWentOverdue',
      data: {
        inquiryId: state.inquiryId,
        customerId: state.customerId,
        replyDueAt,
        overdueAt: context.now.toISOString(),
      },
    },
  ];
}

function handOffInquiry(
  command: HandOffInquiryToSales,
  state: InquiryState,
  context: InquiryContext,
): InquiryEvent[] {
  const inquiry = existing(state, command.data.inquiryId);
  assertCustomerNotErased(context.customer, inquiry.customerId);
  if (inquiry.status === 'handed_off') {
    throw inquiryError(E.INQUIRY_HANDED_OFF, `inquiry ${inquiry.inquiryId} was already handed off to sales`, {
      inquiryId: inquiry.inquiryId,
    });
  }
  const need = validNeed(command.data.need);
  return [
    {
      type: 'InquiryHandedOff',
      data: {
        inquiryId: inquiry.inquiryId,
        customerId: inquiry.customerId,
        need,
        handedOffAt: context.now.toISOString(),
      },
    },
  ];
}

export function evolveInquiry(state: InquiryState, event: InquiryEvent): InquiryState {
  if (event.type === 'InquiryReceived') {
    const { inquiryId, customerId, channel, receivedAt, replyDueAt, policyVersion } = event.data;
    return {
      status: 'open',
      inquiryId,
      customerId,
      channel,
      receivedAt,
      ...(replyDueAt === undefined ? {} : { replyDueAt }),
      policyVersion,
    };
  }
  // Only InquiryReceived starts a stream.
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'InquiryAnswered':
      return { ...state, status: 'answered', answeredAt: event.data.answeredAt, late: event.data.late };
    case 'InquiryWentOverdue':
      return { ...state, status: 'overdue', overdueAt: event.data.overdueAt };
    case 'InquiryHandedOff':
      return { ...state, status: 'handed_off', handedOffAt: event.data.handedOffAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const inquiryDecider: Decider<InquiryCommand, InquiryEvent, InquiryState, InquiryContext> = {
  initialState: initialInquiryState,
  decide: decideInquiry,
  evolve: evolveInquiry,
};

/** 'inquiry-<tenantId>-<inquiryId>' */
export function inquiryStreamId(tenantId: string, inquiryId: string): string {
  return streamId('inquiry', tenantId, inquiryId);
}

// --- rules shared by several commands ---------------------------------------------------------------------------

function existing(state: InquiryState, inquiryId: string): Inquiry {
  if (state.status === 'absent' || state.inquiryId !== inquiryId) {
    throw inquiryError(E.INQUIRY_NOT_FOUND, `inquiry ${inquiryId} does not exist`, { inquiryId });
  }
  return state;
}

function validNeed(need: SalesNeed): SalesNeed {
  if (typeof need !== 'object' || need === null) throw invalidNeed('need', 'describe the need');
  const { kind, line, period } = need;
  if (!oneOf(NEED_KINDS, kind)) throw invalidNeed('need.kind', `must be one of ${NEED_KINDS.join(', ')}`);
  const type = text(need.type, 'need.type', INQUIRY_FIELDS.needType, E.INVALID_NEED);
  if (line !== undefined && !isBusinessLine(line)) throw invalidNeed('need.line', 'is not a business line');
  if (period !== undefined) {
    if (typeof period !== 'object' || period === null) throw invalidNeed('need.period', 'give from and to');
    if (!isLocalDate(period.from)) throw invalidNeed('need.period.from', 'must be a date YYYY-MM-DD');
    if (!isLocalDate(period.to)) throw invalidNeed('need.period.to', 'must be a date YYYY-MM-DD');
    if (period.from > period.to)
      throw inquiryError(E.NEED_PERIOD_REVERSED, 'need.period must not end before it starts', {
        field: 'need.period',
      });
  }
  const place =
    need.place === undefined
      ? undefined
      : text(need.place, 'need.place', INQUIRY_FIELDS.place, E.INVALID_NEED);
  const requirements =
    need.requirements === undefined
      ? undefined
      : text(need.requirements, 'need.requirements', INQUIRY_FIELDS.requirements, E.INVALID_NEED);
  return {
    kind,
    type,
    ...(line === undefined ? {} : { line }),
    ...(period === undefined ? {} : { period: { from: period.from, to: period.to } }),
    ...(place === undefined ? {} : { place }),
    ...(requirements === undefined ? {} : { requirements }),
  };
}

function invalidNeed(field: string, message: string) {
  return inquiryError(E.INVALID_NEED, `${field} ${message}`, { field });
}

/** Trimmed text, checked by the field's shared rule (the gateway applies the same one). */
function text(value: unknown, field: string, rule: TextRule, code: InquiryErrorCode): string {
  if (typeof value !== 'string' || !rule.accepts(value)) {
    throw inquiryError(code, `${field} ${rule.message}`, { field });
  }
  return value.trim();
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
