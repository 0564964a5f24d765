import type { CustomerChannel } from '@serviceops/contracts';

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
