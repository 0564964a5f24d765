import { invalidPaths } from '../errors/validation.testing';
import {
  ChangeContactsDto,
  EraseCustomerDto,
  ListCustomersQuery,
  MergeCustomersDto,
  RegisterCustomerDto,
  UpdateCustomerFileDto,
  UpdateCustomerFileRequest,
} from './customers.dto';
import type { ClassConstructor } from 'class-transformer';
import { grpcRequestDtoOf } from '../grpc/grpc-requests';

/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const ChangeCustomerContactsRequest = grpcRequestDtoOf(
  'customers.ChangeCustomerContacts',
) as ClassConstructor<object>;
/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const GetCustomerTimelineRequest = grpcRequestDtoOf(
  'customers.GetCustomerTimeline',
) as ClassConstructor<object>;
/** The public gRPC request, derived from the route's binding (REST body + path ids + expectedVersion). */
const MergeCustomersRequest = grpcRequestDtoOf('customers.MergeCustomers') as ClassConstructor<object>;

const ID = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const long = (n: number): string => 'x'.repeat(n);

describe('registering a customer', () => {
  const valid = {
    name: 'Wang Fang',
    phone: '+86 138 0000 0000',
    email: 'wang.fang@example.com',
    channel: 'walk_in',
    gender: 'female',
    birthDate: '1990-05-17',
    address: 'No. 1 Renmin Road, Wuhan',
    idNumber: '42010619900517123X',
    needs: [
      { line: 'driving_practice', needs: 'evening lessons', preferences: 'a female coach' },
      { line: 'after_sales_repair' },
    ],
    notes: 'prefers WeChat',
    confirmDuplicate: true,
  };

  it('accepts every field', async () => {
    expect(await invalidPaths(RegisterCustomerDto, valid)).toEqual([]);
  });

  it('leaves one line given twice to the domain (a rule OpenAPI cannot state: 422 there)', async () => {
    const twice = { ...valid, needs: [{ line: 'companion_chat' }, { line: 'companion_chat' }] };
    expect(await invalidPaths(RegisterCustomerDto, twice)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a malformed phone', { phone: 'call me' }, ['phone']],
    ['a malformed email', { email: 'wang@' }, ['email']],
    ['an unknown gender', { gender: 'f' }, ['gender']],
    ['a birth date with a time', { birthDate: '1990-05-17T00:00:00Z' }, ['birthDate']],
    ['a birth date that does not exist', { birthDate: '1990-02-30' }, ['birthDate']],
    ['a birth date in another format', { birthDate: '17/05/1990' }, ['birthDate']],
    ['an address over 500', { address: long(501) }, ['address']],
    ['an ID number with symbols', { idNumber: '4201#0619' }, ['idNumber']],
    ['an ID number over 40', { idNumber: '1'.repeat(41) }, ['idNumber']],
    ['notes over 10000', { notes: long(10_001) }, ['notes']],
    ['an unknown business line', { needs: [{ line: 'catering' }] }, ['needs[0].line']],
    ['needs over 2000', { needs: [{ line: 'companion_chat', needs: long(2001) }] }, ['needs[0].needs']],
    [
      'preferences over 2000',
      { needs: [{ line: 'companion_chat', preferences: long(2001) }] },
      ['needs[0].preferences'],
    ],
    ['an unknown field in a need', { needs: [{ line: 'companion_chat', budget: 5 }] }, ['needs[0].budget']],
    ['a need that is not an object', { needs: ['driving'] }, ['needs[0]']],
    [
      'more than 4 needs',
      {
        needs: [
          { line: 'driving_practice' },
          { line: 'after_sales_repair' },
          { line: 'companion_chat' },
          { line: 'equipment_rental' },
          { line: 'driving_practice', needs: 'again' },
        ],
      },
      ['needs'],
    ],
    ['needs that are not a list', { needs: { line: 'companion_chat' } }, ['needs']],
    ['confirmDuplicate as a string', { confirmDuplicate: 'yes' }, ['confirmDuplicate']],
    ['an unknown channel', { channel: 'pigeon' }, ['channel']],
    ['an unknown field', { vip: true }, ['vip']],
  ])('refuses %s', async (_, change, paths) => {
    expect(await invalidPaths(RegisterCustomerDto, { ...valid, ...change })).toEqual(paths);
  });
});

describe('changing contacts', () => {
  it.each([{ address: null }, { address: '' }, { phone: null, email: null }, {}])(
    'takes null or "" as "remove": %p',
    async (body) => {
      expect(await invalidPaths(ChangeContactsDto, body)).toEqual([]);
    },
  );

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a malformed phone', { phone: '12' }, ['phone']],
    ['a malformed email', { email: 'nobody' }, ['email']],
    ['an address over 500', { address: long(501) }, ['address']],
    ['an address that is not text', { address: 12 }, ['address']],
    ['an unknown field', { wechat: 'wf' }, ['wechat']],
  ])('refuses %s', async (_, body, paths) => {
    expect(await invalidPaths(ChangeContactsDto, body)).toEqual(paths);
  });

  it('over gRPC, names the id and expected version', async () => {
    expect(await invalidPaths(ChangeCustomerContactsRequest, { id: 'c1', expectedVersion: -1 })).toEqual([
      'expectedVersion',
      'id',
    ]);
  });
});

describe('updating the customer file', () => {
  it('takes null as "remove" for every field but the name, and a list of needs that replaces them', async () => {
    expect(
      await invalidPaths(UpdateCustomerFileDto, {
        name: 'Wang Fang',
        gender: null,
        birthDate: null,
        idNumber: null,
        notes: null,
        needs: [],
      }),
    ).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['removing the name', { name: null }, ['name']],
    ['an empty name', { name: '' }, ['name']],
    ['a name over 200', { name: long(201) }, ['name']],
    ['an unknown gender', { gender: 'unknown' }, ['gender']],
    ['a malformed birth date', { birthDate: '1990-5-17' }, ['birthDate']],
    ['a malformed ID number', { idNumber: '42#01' }, ['idNumber']],
    ['notes over 10000', { notes: long(10_001) }, ['notes']],
    ['needs as null (an empty list clears them)', { needs: null }, ['needs']],
    ['an unknown field in a need', { needs: [{ line: 'equipment_rental', size: 'L' }] }, ['needs[0].size']],
    ['a need without its line', { needs: [{ needs: 'a crane' }] }, ['needs[0].line']],
    ['an unknown field', { phone: '+86 138 0000 0000' }, ['phone']],
  ])('refuses %s', async (_, body, paths) => {
    expect(await invalidPaths(UpdateCustomerFileDto, body)).toEqual(paths);
  });

  it('over gRPC, takes "" as "remove" and the needs wrapped in a list', async () => {
    expect(
      await invalidPaths(UpdateCustomerFileRequest, {
        id: ID,
        expectedVersion: 3,
        gender: '',
        notes: '',
        needs: { items: [{ line: 'companion_chat' }] },
      }),
    ).toEqual([]);
  });

  it('over gRPC, names the paths inside the wrapped list, and refuses an empty name', async () => {
    expect(
      await invalidPaths(UpdateCustomerFileRequest, {
        id: ID,
        name: '',
        needs: { items: [{ line: 'knitting', extra: 1 }] },
      }),
    ).toEqual(['name', 'needs.items[0].extra', 'needs.items[0].line']);
  });
});

describe('merging, undoing a merge, erasing', () => {
  it.each<[string, object, Record<string, unknown>, string[]]>([
    ['a duplicate id that is not a UUID', MergeCustomersDto, { duplicateId: 'c2' }, ['duplicateId']],
    ['a missing duplicate id', MergeCustomersDto, {}, ['duplicateId']],
    ['an unknown field', MergeCustomersDto, { duplicateId: ID, keep: 'both' }, ['keep']],
    ['an empty reason', EraseCustomerDto, { reason: '' }, ['reason']],
    ['a reason over 500', EraseCustomerDto, { reason: long(501) }, ['reason']],
    ['a missing reason', EraseCustomerDto, {}, ['reason']],
  ])('refuses %s', async (_, type, body, paths) => {
    expect(await invalidPaths(type as new () => object, body)).toEqual(paths);
  });

  it('over gRPC, needs the survivor’s id', async () => {
    expect(await invalidPaths(MergeCustomersRequest, { duplicateId: ID })).toEqual(['id']);
  });
});

describe('listing customers and their timeline', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown status', { status: 'deleted' }, ['status']],
    ['a limit over 200', { limit: '500' }, ['limit']],
    ['a limit that is not a number', { limit: 'ten' }, ['limit']],
  ])('refuses %s', async (_, query, paths) => {
    expect(await invalidPaths(ListCustomersQuery, query)).toEqual(paths);
  });

  it('accepts each status', async () => {
    for (const status of ['active', 'merged', 'erased'])
      expect(await invalidPaths(ListCustomersQuery, { status, limit: '20' })).toEqual([]);
  });

  it('over gRPC, needs the customer’s id for the timeline', async () => {
    expect(await invalidPaths(GetCustomerTimelineRequest, { id: 'c1', limit: 0 })).toEqual(['id', 'limit']);
  });
});
