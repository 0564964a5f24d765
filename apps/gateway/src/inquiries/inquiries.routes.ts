import { HistoryView } from '../customers/customers.views';
import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './inquiries.dto';
import { ListInquiriesQuery } from './inquiries.dto';
import { inquiryPageView, InquiryPageView, inquiryView, InquiryView } from './inquiries.views';

/**
 * Inquiries over REST: each route is its declaration (libs/contracts) bound to these shapes. Bound here: the reads;
 * every write under /inquiries is derived (its body the `@BodyOf` class of inquiries.dto.ts, its answer the
 * inquiry): open, answer, hand off.
 */
export const InquiryRoutes = resourceRoutes('inquiries', { answer: InquiryView, view: inquiryView }, bodies, [
  route({
    rpc: 'customers.ListInquiries',
    query: ListInquiriesQuery,
    answer: InquiryPageView,
    view: inquiryPageView,
  }),
  route({ rpc: 'customers.GetInquiry', answer: InquiryView, view: inquiryView }),
  route({ rpc: 'customers.GetInquiryHistory', answer: HistoryView }),
]);
