import { invalidPaths } from '../errors/validation.testing';
import {
  CancelReturnVisitDto,
  ListReturnVisitsQuery,
  RecordReturnVisitDto,
  ScheduleReturnVisitDto,
} from './return-visits.dto';
import type { ClassConstructor } from 'class-transformer';
import { grpcRequestDtoOf } from '../grpc/grpc-requests';

/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const CancelReturnVisitRequest = grpcRequestDtoOf('customers.CancelReturnVisit') as ClassConstructor<object>;
/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const RecordReturnVisitRequest = grpcRequestDtoOf('customers.RecordReturnVisit') as ClassConstructor<object>;

const ID = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const long = (n: number): string => 'x'.repeat(n);

describe('scheduling a return visit', () => {
  const valid = {
    customerId: ID,
    reason: 'after_service',
    dueOn: '2025-07-04',
    serviceRef: 'WO-2025-0042',
    note: 'ask about the brakes',
  };

  it('accepts a visit, and one with its customer and reason only', async () => {
    expect(await invalidPaths(ScheduleReturnVisitDto, valid)).toEqual([]);
    expect(await invalidPaths(ScheduleReturnVisitDto, { customerId: ID, reason: 'on_demand' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a customer id that is not a UUID', { customerId: 'c1' }, ['customerId']],
    ['a periodic visit (the policy schedules those)', { reason: 'periodic' }, ['reason']],
    ['an unknown reason', { reason: 'birthday' }, ['reason']],
    ['a due day with a time', { dueOn: '2025-07-04T09:00:00+08:00' }, ['dueOn']],
    ['a due day that does not exist', { dueOn: '2025-06-31' }, ['dueOn']],
    ['a service reference over 100', { serviceRef: long(101) }, ['serviceRef']],
    ['a note over 2000', { note: long(2001) }, ['note']],
    ['an unknown field', { assignee: ID }, ['assignee']],
  ])('refuses %s', async (_, change, paths) => {
    expect(await invalidPaths(ScheduleReturnVisitDto, { ...valid, ...change })).toEqual(paths);
  });
});

describe('recording a return visit', () => {
  const valid = {
    outcome: 'reached',
    satisfaction: 'satisfied',
    feedback: 'quick service',
    suggestions: 'open on Sundays',
    followUp: { action: 'send the quote', dueOn: '2025-07-10' },
  };

  it('accepts a full record, and an outcome alone', async () => {
    expect(await invalidPaths(RecordReturnVisitDto, valid)).toEqual([]);
    expect(await invalidPaths(RecordReturnVisitDto, { outcome: 'unreachable' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown outcome', { outcome: 'busy' }, ['outcome']],
    ['an unknown satisfaction', { satisfaction: 'ok' }, ['satisfaction']],
    ['feedback over 5000', { feedback: long(5001) }, ['feedback']],
    ['suggestions over 5000', { suggestions: long(5001) }, ['suggestions']],
    ['a follow-up without an action', { followUp: { dueOn: '2025-07-10' } }, ['followUp.action']],
    ['a follow-up action over 500', { followUp: { action: long(501) } }, ['followUp.action']],
    [
      'a follow-up due day in another format',
      { followUp: { action: 'call', dueOn: '10.07.2025' } },
      ['followUp.dueOn'],
    ],
    ['an unknown field in the follow-up', { followUp: { action: 'call', owner: ID } }, ['followUp.owner']],
    ['an unknown field', { rating: 5 }, ['rating']],
  ])('refuses %s', async (_, change, paths) => {
    expect(await invalidPaths(RecordReturnVisitDto, { ...valid, ...change })).toEqual(paths);
  });

  it('over gRPC, needs the visit’s id', async () => {
    expect(await invalidPaths(RecordReturnVisitRequest, { id: 'v1', outcome: 'declined' })).toEqual(['id']);
  });
});

describe('cancelling a return visit', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no reason', {}, ['reason']],
    ['an empty reason', { reason: '' }, ['reason']],
    ['a reason over 500', { reason: long(501) }, ['reason']],
    ['an unknown field', { reason: 'moved away', notify: true }, ['notify']],
  ])('refuses %s', async (_, body, paths) => {
    expect(await invalidPaths(CancelReturnVisitDto, body)).toEqual(paths);
  });

  it('over gRPC, needs the visit’s id', async () => {
    expect(await invalidPaths(CancelReturnVisitRequest, { reason: 'moved away' })).toEqual(['id']);
  });
});

describe('listing return visits', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown status', { status: 'overdue' }, ['status']],
    ['a customer id that is not a UUID', { customerId: 'c1' }, ['customerId']],
    ['a malformed due-by day', { dueBy: '2025-7-1' }, ['dueBy']],
  ])('refuses %s', async (_, query, paths) => {
    expect(await invalidPaths(ListReturnVisitsQuery, query)).toEqual(paths);
  });

  it('accepts its filters', async () => {
    expect(
      await invalidPaths(ListReturnVisitsQuery, { status: 'scheduled', customerId: ID, dueBy: '2025-07-31' }),
    ).toEqual([]);
  });
});
