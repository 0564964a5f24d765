import { Body, Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import { HistoryView } from '../customers/customers.views';
import type { HttpResponse } from '../http/http.types';
import { parseIfMatch, withEtag } from '../http/if-match';
import { DEFAULT_PAGE_SIZE } from '../http/page.query';
import { UuidParam } from '../http/uuid-param';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { AnswerInquiryDto, HandOffInquiryDto, ListInquiriesQuery, OpenInquiryDto } from './inquiries.dto';
import {
  inquiryPageView,
  InquiryPageView,
  inquiryView,
  InquiryView,
  type InquiryPageReply,
  type InquiryReply,
} from './inquiries.views';

@ApiTags('inquiries')
@Controller()
export class InquiriesController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('customers.OpenInquiry', { type: InquiryView })
  async open(
    @Body() body: OpenInquiryDto,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<InquiryView> {
    const inquiry = await this.upstream.call<InquiryReply>(
      'customers.OpenInquiry',
      {
        customerId: body.customerId,
        channel: body.channel,
        subject: body.subject,
        content: body.content,
        answer: body.answer,
      },
      caller,
    );
    res.setHeader('Location', `/api/v1/inquiries/${encodeURIComponent(inquiry.id)}`);
    return withEtag(res, inquiryView(inquiry));
  }

  @Endpoint('customers.ListInquiries', { type: InquiryPageView })
  async list(@Query() query: ListInquiriesQuery, @Caller() caller: CallContext): Promise<InquiryPageView> {
    const page = await this.upstream.call<InquiryPageReply>(
      'customers.ListInquiries',
      {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
        status: query.status,
        customerId: query.customerId,
      },
      caller,
    );
    return inquiryPageView(page);
  }

  @Endpoint('customers.GetInquiry', { type: InquiryView })
  async get(
    @UuidParam('id') id: string,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<InquiryView> {
    const inquiry = await this.upstream.call<InquiryReply>('customers.GetInquiry', { id }, caller);
    return withEtag(res, inquiryView(inquiry));
  }

  @Endpoint('customers.GetInquiryHistory', { type: HistoryView })
  history(@UuidParam('id') id: string, @Caller() caller: CallContext): Promise<HistoryView> {
    return this.upstream.call<HistoryView>('customers.GetInquiryHistory', { id }, caller);
  }

  @Endpoint('customers.AnswerInquiry', { type: InquiryView })
  async answer(
    @UuidParam('id') id: string,
    @Body() body: AnswerInquiryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<InquiryView> {
    const inquiry = await this.upstream.call<InquiryReply>(
      'customers.AnswerInquiry',
      { id, answer: body.answer, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, inquiryView(inquiry));
  }

  @Endpoint('customers.HandOffInquiry', { type: InquiryView })
  async handOff(
    @UuidParam('id') id: string,
    @Body() body: HandOffInquiryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<InquiryView> {
    const inquiry = await this.upstream.call<InquiryReply>(
      'customers.HandOffInquiry',
      { id, need: body.need, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, inquiryView(inquiry));
  }
}
