import { HistoryView } from '../customers/customers.views';
import { Body, Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import type { HttpResponse } from '../http/http.types';
import { parseIfMatch, withEtag } from '../http/if-match';
import { DEFAULT_PAGE_SIZE } from '../http/page.query';
import { UuidParam } from '../http/uuid-param';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import {
  CancelReturnVisitDto,
  ListReturnVisitsQuery,
  RecordReturnVisitDto,
  ScheduleReturnVisitDto,
} from './return-visits.dto';
import {
  returnVisitPageView,
  ReturnVisitPageView,
  returnVisitView,
  ReturnVisitView,
  type ReturnVisitPageReply,
  type ReturnVisitReply,
} from './return-visits.views';

@ApiTags('return visits')
@Controller()
export class ReturnVisitsController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('customers.ScheduleReturnVisit', { type: ReturnVisitView })
  async schedule(
    @Body() body: ScheduleReturnVisitDto,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ReturnVisitView> {
    const visit = await this.upstream.call<ReturnVisitReply>(
      'customers.ScheduleReturnVisit',
      {
        customerId: body.customerId,
        reason: body.reason,
        dueOn: body.dueOn,
        serviceRef: body.serviceRef,
        note: body.note,
      },
      caller,
    );
    res.setHeader('Location', `/api/v1/return-visits/${encodeURIComponent(visit.id)}`);
    return withEtag(res, returnVisitView(visit));
  }

  @Endpoint('customers.ListReturnVisits', { type: ReturnVisitPageView })
  async list(
    @Query() query: ListReturnVisitsQuery,
    @Caller() caller: CallContext,
  ): Promise<ReturnVisitPageView> {
    const page = await this.upstream.call<ReturnVisitPageReply>(
      'customers.ListReturnVisits',
      {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
        status: query.status,
        customerId: query.customerId,
        dueBy: query.dueBy,
      },
      caller,
    );
    return returnVisitPageView(page);
  }

  @Endpoint('customers.GetReturnVisit', { type: ReturnVisitView })
  async get(
    @UuidParam('id') id: string,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ReturnVisitView> {
    const visit = await this.upstream.call<ReturnVisitReply>('customers.GetReturnVisit', { id }, caller);
    return withEtag(res, returnVisitView(visit));
  }

  @Endpoint('customers.GetReturnVisitHistory', { type: HistoryView })
  history(@UuidParam('id') id: string, @Caller() caller: CallContext): Promise<HistoryView> {
    return this.upstream.call<HistoryView>('customers.GetReturnVisitHistory', { id }, caller);
  }

  @Endpoint('customers.RecordReturnVisit', { type: ReturnVisitView })
  async record(
    @UuidParam('id') id: string,
    @Body() body: RecordReturnVisitDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ReturnVisitView> {
    const visit = await this.upstream.call<ReturnVisitReply>(
      'customers.RecordReturnVisit',
      {
        id,
        outcome: body.outcome,
        satisfaction: body.satisfaction,
        feedback: body.feedback,
        suggestions: body.suggestions,
        followUp: body.followUp,
        expectedVersion: parseIfMatch(ifMatch),
      },
      caller,
    );
    return withEtag(res, returnVisitView(visit));
  }

  @Endpoint('customers.CancelReturnVisit', { type: ReturnVisitView })
  async cancel(
    @UuidParam('id') id: string,
    @Body() body: CancelReturnVisitDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ReturnVisitView> {
    const visit = await this.upstream.call<ReturnVisitReply>(
      'customers.CancelReturnVisit',
      { id, reason: body.reason, expectedVersion: parseIfMatch(ifMatch) },
      caller,
    );
    return withEtag(res, returnVisitView(visit));
  }
}
