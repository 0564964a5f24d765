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
@Controller('inquiries')
export class InquiriesController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint({
    method: 'POST',
    path: '',
    rpc: 'customers.OpenInquiry',
    status: 201,
    type: InquiryView,
    etag: true,
    location: true,
    summary: 'Record a customer’s inquiry; the reply is due within the policy’s business hours',
  })
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

  @Endpoint({
    method: 'GET',
    path: '',
    rpc: 'customers.ListInquiries',
    status: 200,
    type: InquiryPageView,
    purpose: true,
    summary: 'List inquiries, newest first, a page at a time',
  })
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

  @Endpoint({
    method: 'GET',
    path: ':id',
    rpc: 'customers.GetInquiry',
    status: 200,
    type: InquiryView,
    uuidParams: ['id'],
    etag: true,
    purpose: true,
    summary: 'An inquiry',
  })
  async get(
    @UuidParam('id') id: string,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<InquiryView> {
    const inquiry = await this.upstream.call<InquiryReply>('customers.GetInquiry', { id }, caller);
    return withEtag(res, inquiryView(inquiry));
  }

  @Endpoint({
    method: 'GET',
    path: ':id/history',
    rpc: 'customers.GetInquiryHistory',
    status: 200,
    type: HistoryView,
    uuidParams: ['id'],
    summary: 'What happened to an inquiry: who, when, on whose behalf, which fields',
  })
  history(@UuidParam('id') id: string, @Caller() caller: CallContext): Promise<HistoryView> {
    return this.upstream.call<HistoryView>('customers.GetInquiryHistory', { id }, caller);
  }

  @Endpoint({
    method: 'POST',
    path: ':id/answer',
    rpc: 'customers.AnswerInquiry',
    status: 200,
    type: InquiryView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Answer an open or overdue inquiry (late when past the reply deadline)',
  })
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

  @Endpoint({
    method: 'POST',
    path: ':id/hand-off',
    rpc: 'customers.HandOffInquiry',
    status: 200,
    type: InquiryView,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
    summary: 'Hand an inquiry off to sales with the equipment or service the customer needs',
  })
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
