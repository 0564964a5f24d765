import { HistoryView } from '../customers/customers.views';
import { controllerOf, route } from '../routes/mount';
import { AnswerInquiryDto, HandOffInquiryDto, ListInquiriesQuery, OpenInquiryDto } from './inquiries.dto';
import { inquiryPageView, InquiryPageView, inquiryView, InquiryView } from './inquiries.views';

/** Inquiries over REST: each route is its declaration (libs/contracts) bound to these shapes. */
export const InquiryRoutes = controllerOf('inquiries', [
  route({ rpc: 'customers.OpenInquiry', body: OpenInquiryDto, answer: InquiryView, view: inquiryView }),
  route({
    rpc: 'customers.ListInquiries',
    query: ListInquiriesQuery,
    answer: InquiryPageView,
    view: inquiryPageView,
  }),
  route({ rpc: 'customers.GetInquiry', answer: InquiryView, view: inquiryView }),
  route({ rpc: 'customers.GetInquiryHistory', answer: HistoryView }),
  route({ rpc: 'customers.AnswerInquiry', body: AnswerInquiryDto, answer: InquiryView, view: inquiryView }),
  route({ rpc: 'customers.HandOffInquiry', body: HandOffInquiryDto, answer: InquiryView, view: inquiryView }),
]);
