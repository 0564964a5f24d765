import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrpcMethod } from '@nestjs/microservices';
import type { BusinessLine, CustomerChannel } from '@serviceops/contracts';
import { callContextOf, GrpcProblemFilter } from '@serviceops/platform';
import {
  ActOnInquiryCommand,
  InquiryQueries,
  OpenInquiryCommand,
  type InquiryFilter,
  type InquiryView,
} from '../../application/inquiries';
import type { NeedKind } from '../../domain/inquiry/inquiry.commands';
import { idOf, optional } from './grpc-fields';

interface SalesNeedMessage {
  kind?: string;
  type?: string;
  line?: string;
  period?: { from?: string; to?: string };
  place?: string;
  requirements?: string;
}

@Controller()
@UseFilters(GrpcProblemFilter)
export class InquiriesGrpcController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: InquiryQueries,
  ) {}

  @GrpcMethod('Customers', 'OpenInquiry')
  open(
    req: { customerId?: string; channel?: string; subject?: string; content?: string; answer?: string },
    md: Metadata,
  ): Promise<InquiryView> {
    return this.commands.execute(
      new OpenInquiryCommand(callContextOf(md), {
        customerId: idOf(req.customerId, 'customerId'),
        channel: (req.channel ?? '') as CustomerChannel,
        subject: req.subject ?? '',
        content: req.content ?? '',
        ...optional('answer', req.answer),
      }),
    );
  }

  @GrpcMethod('Customers', 'AnswerInquiry')
  answer(
    req: { id?: string; answer?: string; expectedVersion?: number },
    md: Metadata,
  ): Promise<InquiryView> {
    return this.commands.execute(
      new ActOnInquiryCommand(
        callContextOf(md),
        { type: 'AnswerInquiry', data: { inquiryId: idOf(req.id), answer: req.answer ?? '' } },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'HandOffInquiry')
  handOff(
    req: { id?: string; need?: SalesNeedMessage; expectedVersion?: number },
    md: Metadata,
  ): Promise<InquiryView> {
    const need = req.need ?? {};
    return this.commands.execute(
      new ActOnInquiryCommand(
        callContextOf(md),
        {
          type: 'HandOffInquiryToSales',
          data: {
            inquiryId: idOf(req.id),
            need: {
              kind: (need.kind ?? '') as NeedKind,
              type: need.type ?? '',
              ...optional('line', need.line as BusinessLine | undefined),
              ...(need.period ? { period: { from: need.period.from ?? '', to: need.period.to ?? '' } } : {}),
              ...optional('place', need.place),
              ...optional('requirements', need.requirements),
            },
          },
        },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'GetInquiry')
  get(req: { id?: string }, md: Metadata): Promise<InquiryView> {
    return this.queries.get(callContextOf(md), idOf(req.id));
  }

  @GrpcMethod('Customers', 'ListInquiries')
  list(req: InquiryFilter, md: Metadata) {
    return this.queries.list(callContextOf(md), req);
  }

  @GrpcMethod('Customers', 'GetInquiryHistory')
  history(req: { id?: string }, md: Metadata) {
    return this.queries.history(callContextOf(md), idOf(req.id));
  }
}
