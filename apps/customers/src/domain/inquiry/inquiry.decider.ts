import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { answerInquiry } from './answer-inquiry';
import { handOffInquiry } from './hand-off-inquiry';
import { initialInquiryState, type InquiryContext, type InquiryState } from './inquiry.state';
import { markInquiryOverdue } from './mark-inquiry-overdue';
import { openInquiry } from './open-inquiry';

export type { InquiryContext } from './inquiry.state';

/**
 * An inquiry: the list of its use cases, a file each beside this one (command, decision, the events it records and
 * how they change the state). The unions, the decider and the generic handler's bindings follow from the list.
 */
export const INQUIRY_USE_CASES = [openInquiry, answerInquiry, markInquiryOverdue, handOffInquiry] as const;

export type InquiryCommand = CommandOf<typeof INQUIRY_USE_CASES>;
export type InquiryEvent = EventOf<typeof INQUIRY_USE_CASES>;

export const inquiryDecider = deciderOf<typeof INQUIRY_USE_CASES, InquiryState, InquiryContext>(
  initialInquiryState,
  INQUIRY_USE_CASES,
);

/** 'inquiry-<tenantId>-<inquiryId>' */
export function inquiryStreamId(tenantId: string, inquiryId: string): string {
  return streamId('inquiry', tenantId, inquiryId);
}
