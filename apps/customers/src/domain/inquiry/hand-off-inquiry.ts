import { INQUIRY_FIELDS, isBusinessLine, type BusinessLine } from '@serviceops/contracts';
import { isLocalDate, optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { assertCustomerNotErased } from '../customer/active-customer';
import { InquiryErrorCode as E, inquiryError } from './inquiry.errors';
import { existing, oneOf, text } from './inquiry.rules';
import type { InquiryContext, InquiryState } from './inquiry.state';

/** What a customer asked for, passed on to sales. */
import { NEED_KINDS, type NeedKind } from '@serviceops/contracts';

export { NEED_KINDS, type NeedKind };

export interface SalesNeed {
  readonly kind: NeedKind;
  /** What equipment or service, 1–200 characters. */
  readonly type: string;
  readonly line?: BusinessLine;
  /** Local dates 'YYYY-MM-DD', from ≤ to. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly place?: string;
  readonly requirements?: string;
}

export type HandOffInquiryToSales = Command<
  'HandOffInquiryToSales',
  { readonly inquiryId: string; readonly need: SalesNeed }
>;

export type InquiryHandedOff = Event<
  'InquiryHandedOff',
  { inquiryId: string; customerId: string; need: SalesNeed; handedOffAt: string }
>;

/** The need as the proto decodes it: every field may be absent. */
interface SalesNeedMessage {
  readonly kind?: string;
  readonly type?: string;
  readonly line?: string;
  readonly period?: { from?: string; to?: string };
  readonly place?: string;
  readonly requirements?: string;
}

export const handOffInquiry = useCase<HandOffInquiryToSales, InquiryHandedOff, InquiryState, InquiryContext>({
  command: 'HandOffInquiryToSales',
  handles: {
    rpc: 'customers.HandOffInquiry',
    command: ({ id, need = {} }: { id: string; need?: SalesNeedMessage }) => ({
      type: 'HandOffInquiryToSales',
      data: {
        inquiryId: id,
        need: {
          kind: (need.kind ?? '') as NeedKind,
          type: need.type ?? '',
          ...optional('line', need.line as BusinessLine | undefined),
          ...(need.period ? { period: { from: need.period.from ?? '', to: need.period.to ?? '' } } : {}),
          ...optional('place', need.place),
          ...optional('requirements', need.requirements),
        },
      },
    }),
  },
  decide(command, state, context) {
    const inquiry = existing(state, command.data.inquiryId);
    assertCustomerNotErased(context.customer, inquiry.customerId);
    if (inquiry.status === 'handed_off') {
      throw inquiryError(
        E.INQUIRY_HANDED_OFF,
        `inquiry ${inquiry.inquiryId} was already handed off to sales`,
        {
          inquiryId: inquiry.inquiryId,
        },
      );
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
  },
  evolve: {
    InquiryHandedOff: (state, event) =>
      state.status === 'absent'
        ? state
        : { ...state, status: 'handed_off', handedOffAt: event.data.handedOffAt },
  },
});

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
