import type { CustomerChannel } from '@serviceops/contracts';
import type { BusinessCalendar } from '@serviceops/kernel';
import type { CustomerStatus } from '../customer/active-customer';

export type { CustomerStatus } from '../customer/active-customer';

export interface AbsentInquiry {
  readonly status: 'absent';
}

export interface Inquiry {
  /** open → overdue → answered → handed_off; answered and handed_off may come straight from open. */
  readonly status: 'open' | 'overdue' | 'answered' | 'handed_off';
  readonly inquiryId: string;
  readonly customerId: string;
  readonly channel: CustomerChannel;
  readonly receivedAt: string;
  readonly replyDueAt?: string;
  readonly policyVersion: number;
  readonly overdueAt?: string;
  readonly answeredAt?: string;
  readonly late?: boolean;
  readonly handedOffAt?: string;
}

export type InquiryState = AbsentInquiry | Inquiry;

export const initialInquiryState = (): InquiryState => ({ status: 'absent' });

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
