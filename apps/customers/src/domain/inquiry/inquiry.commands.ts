import type { BusinessLine, CustomerChannel } from '@serviceops/contracts';
import type { BusinessCalendar } from '@serviceops/kernel';

/** Where a customer's file stands, as the handler found it. */
export const CUSTOMER_STATUSES = ['absent', 'active', 'merged', 'erased'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** What a customer asked for, passed on to sales. */
export const NEED_KINDS = ['equipment', 'service'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

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

export interface OpenInquiry {
  readonly type: 'OpenInquiry';
  readonly data: {
    readonly inquiryId: string;
    readonly customerId: string;
    readonly channel: CustomerChannel;
    readonly subject: string;
    readonly content: string;
    /** Given when the inquiry was answered on the spot. */
    readonly answer?: string;
  };
}

export interface AnswerInquiry {
  readonly type: 'AnswerInquiry';
  readonly data: { readonly inquiryId: string; readonly answer: string };
}

/** Fired by the durable timer at the reply deadline; harmless when fired again or too early. */
export interface MarkInquiryOverdue {
  readonly type: 'MarkInquiryOverdue';
  readonly data: { readonly inquiryId: string };
}

export interface HandOffInquiryToSales {
  readonly type: 'HandOffInquiryToSales';
  readonly data: { readonly inquiryId: string; readonly need: SalesNeed };
}

export type InquiryCommand = OpenInquiry | AnswerInquiry | MarkInquiryOverdue | HandOffInquiryToSales;

export interface InquiryContext {
  readonly now: Date;
  /** OpenInquiry only: the tenant's calendar, in which the reply deadline is counted. */
  readonly calendar?: BusinessCalendar;
  /** OpenInquiry only: the customers policy in force (its version and inquiryReply.withinBusinessHours). */
  readonly policy?: { readonly version: number; readonly withinBusinessHours: number };
  /**
   * The status of the customer's file: OpenInquiry needs it active; AnswerInquiry and HandOffInquiryToSales
   * need it not erased (their free text is sealed with the customer's key, gone with an erasure).
   */
  readonly customer?: CustomerStatus;
}
