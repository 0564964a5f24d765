import { invalidPaths } from '../errors/validation.testing';
import { AnswerInquiryDto, HandOffInquiryDto, ListInquiriesQuery, OpenInquiryDto } from './inquiries.dto';
import type { ClassConstructor } from 'class-transformer';
import { grpcRequestDtoOf } from '../grpc/grpc-requests';

/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const AnswerInquiryRequest = grpcRequestDtoOf('customers.AnswerInquiry') as ClassConstructor<object>;
/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const HandOffInquiryRequest = grpcRequestDtoOf('customers.HandOffInquiry') as ClassConstructor<object>;

const ID = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const long = (n: number): string => 'x'.repeat(n);

describe('opening an inquiry', () => {
  const valid = {
    customerId: ID,
    channel: 'phone',
    subject: 'Rent an excavator',
    content: 'For two weeks in July',
    answer: 'We will call back with a quote',
  };

  it('accepts an inquiry answered on the spot', async () => {
    expect(await invalidPaths(OpenInquiryDto, valid)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a customer id that is not a UUID', { customerId: 'c1' }, ['customerId']],
    ['an unknown channel', { channel: 'fax' }, ['channel']],
    ['an empty subject', { subject: '' }, ['subject']],
    ['a subject over 200', { subject: long(201) }, ['subject']],
    ['an empty content', { content: '' }, ['content']],
    ['a content over 10000', { content: long(10_001) }, ['content']],
    ['an empty answer', { answer: '' }, ['answer']],
    ['an answer over 10000', { answer: long(10_001) }, ['answer']],
    ['an unknown field', { priority: 'high' }, ['priority']],
  ])('refuses %s', async (_, change, paths) => {
    expect(await invalidPaths(OpenInquiryDto, { ...valid, ...change })).toEqual(paths);
  });

  it('names every required field of an empty body', async () => {
    expect(await invalidPaths(OpenInquiryDto, {})).toEqual(['channel', 'content', 'customerId', 'subject']);
  });
});

describe('answering an inquiry', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no answer', {}, ['answer']],
    ['an empty answer', { answer: '' }, ['answer']],
    ['an answer over 10000', { answer: long(10_001) }, ['answer']],
    ['an unknown field', { answer: 'yes', late: false }, ['late']],
  ])('refuses %s', async (_, body, paths) => {
    expect(await invalidPaths(AnswerInquiryDto, body)).toEqual(paths);
  });

  it('over gRPC, needs the inquiry’s id', async () => {
    expect(await invalidPaths(AnswerInquiryRequest, { answer: 'yes', expectedVersion: 1.5 })).toEqual([
      'expectedVersion',
      'id',
    ]);
  });
});

describe('handing an inquiry off to sales', () => {
  const need = {
    kind: 'equipment',
    type: 'excavator',
    line: 'equipment_rental',
    period: { from: '2025-07-01', to: '2025-07-14' },
    place: 'Hankou site 3',
    requirements: 'with an operator',
  };

  it('accepts a full need, and one with its kind and type only', async () => {
    expect(await invalidPaths(HandOffInquiryDto, { need })).toEqual([]);
    expect(
      await invalidPaths(HandOffInquiryDto, { need: { kind: 'service', type: 'yearly check' } }),
    ).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown kind', { kind: 'goods' }, ['need.kind']],
    ['an empty type', { type: '' }, ['need.type']],
    ['a type over 200', { type: long(201) }, ['need.type']],
    ['an unknown line', { line: 'catering' }, ['need.line']],
    [
      'a period with a time',
      { period: { from: '2025-07-01T08:00:00Z', to: '2025-07-14' } },
      ['need.period.from'],
    ],
    ['a period without its end', { period: { from: '2025-07-01' } }, ['need.period.to']],
    [
      'an unknown field in the period',
      { period: { from: '2025-07-01', to: '2025-07-02', days: 2 } },
      ['need.period.days'],
    ],
    ['a place over 500', { place: long(501) }, ['need.place']],
    ['requirements over 5000', { requirements: long(5001) }, ['need.requirements']],
    ['an unknown field in the need', { budget: 1000 }, ['need.budget']],
  ])('refuses %s', async (_, change, paths) => {
    expect(await invalidPaths(HandOffInquiryDto, { need: { ...need, ...change } })).toEqual(paths);
  });

  it('refuses a missing need', async () => {
    expect(await invalidPaths(HandOffInquiryDto, {})).toEqual(['need']);
  });

  it('over gRPC, needs the inquiry’s id', async () => {
    expect(await invalidPaths(HandOffInquiryRequest, { need })).toEqual(['id']);
  });
});

describe('listing inquiries', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown status', { status: 'closed' }, ['status']],
    ['a customer id that is not a UUID', { customerId: 'c1' }, ['customerId']],
    ['an unknown filter', { channel: 'phone' }, ['channel']],
  ])('refuses %s', async (_, query, paths) => {
    expect(await invalidPaths(ListInquiriesQuery, query)).toEqual(paths);
  });

  it('accepts each status', async () => {
    for (const status of ['open', 'overdue', 'answered', 'handed_off'])
      expect(await invalidPaths(ListInquiriesQuery, { status, customerId: ID })).toEqual([]);
  });
});
