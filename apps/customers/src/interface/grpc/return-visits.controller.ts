import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrpcMethod } from '@nestjs/microservices';
import { callContextOf, GrpcProblemFilter } from '@serviceops/platform';
import {
  ActOnReturnVisitCommand,
  ReturnVisitQueries,
  ScheduleReturnVisitCommand,
  type ReturnVisitView,
  type VisitFilter,
} from '../../application/return-visits';
import type { ReturnVisitOutcome, SatisfactionLevel } from '../../domain/return-visit/return-visit.commands';
import { idOf, optional } from './grpc-fields';

@Controller()
@UseFilters(GrpcProblemFilter)
export class ReturnVisitsGrpcController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ReturnVisitQueries,
  ) {}

  @GrpcMethod('Customers', 'ScheduleReturnVisit')
  schedule(
    req: { customerId?: string; reason?: string; dueOn?: string; serviceRef?: string; note?: string },
    md: Metadata,
  ): Promise<ReturnVisitView> {
    return this.commands.execute(
      new ScheduleReturnVisitCommand(callContextOf(md), {
        customerId: idOf(req.customerId, 'customerId'),
        reason: (req.reason ?? '') as 'after_service' | 'on_demand',
        ...optional('dueOn', req.dueOn),
        ...optional('serviceRef', req.serviceRef),
        ...optional('note', req.note),
      }),
    );
  }

  @GrpcMethod('Customers', 'RecordReturnVisit')
  record(
    req: {
      id?: string;
      outcome?: string;
      satisfaction?: string;
      feedback?: string;
      suggestions?: string;
      followUp?: { action?: string; dueOn?: string };
      expectedVersion?: number;
    },
    md: Metadata,
  ): Promise<ReturnVisitView> {
    return this.commands.execute(
      new ActOnReturnVisitCommand(
        callContextOf(md),
        {
          type: 'RecordReturnVisit',
          data: {
            visitId: idOf(req.id),
            outcome: (req.outcome ?? '') as ReturnVisitOutcome,
            ...optional('satisfaction', req.satisfaction as SatisfactionLevel | undefined),
            ...optional('feedback', req.feedback),
            ...optional('suggestions', req.suggestions),
            ...(req.followUp
              ? { followUp: { action: req.followUp.action ?? '', ...optional('dueOn', req.followUp.dueOn) } }
              : {}),
          },
        },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'CancelReturnVisit')
  cancel(
    req: { id?: string; reason?: string; expectedVersion?: number },
    md: Metadata,
  ): Promise<ReturnVisitView> {
    return this.commands.execute(
      new ActOnReturnVisitCommand(
        callContextOf(md),
        { type: 'CancelReturnVisit', data: { visitId: idOf(req.id), reason: req.reason ?? '' } },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'GetReturnVisit')
  get(req: { id?: string }, md: Metadata): Promise<ReturnVisitView> {
    return this.queries.get(callContextOf(md), idOf(req.id));
  }

  @GrpcMethod('Customers', 'GetReturnVisitHistory')
  history(req: { id?: string }, md: Metadata) {
    return this.queries.history(callContextOf(md), idOf(req.id));
  }

  @GrpcMethod('Customers', 'ListReturnVisits')
  list(req: VisitFilter, md: Metadata) {
    return this.queries.list(callContextOf(md), req);
  }
}
