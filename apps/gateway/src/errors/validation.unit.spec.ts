import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ProblemError, type FieldError } from '@serviceops/platform';
import { RegisterCustomerDto } from '../customers/customers.dto';
import { BusinessCalendarDto, RegisterUserDto } from '../tenancy/tenancy.dto';
import { problemOf, ProblemResponse } from './problems';
import { validateInput } from './validation';

async function fieldErrors(type: new () => object, plain: unknown): Promise<FieldError[]> {
  try {
    await validateInput(type, plain);
  } catch (error) {
    if (error instanceof ProblemError) {
      expect(error.code).toBe('VALIDATION');
      return [...(error.errors ?? [])];
    }
    throw error;
  }
  return [];
}

const paths = (errors: readonly FieldError[]): string[] => [...new Set(errors.map((e) => e.path))].sort();

describe('validation problems', () => {
  it('accepts a valid customer', async () => {
    await expect(
      validateInput(RegisterCustomerDto, {
        name: 'Wang Fang',
        phone: '+86 138-0000 0000',
        channel: 'walk_in',
      }),
    ).resolves.toBeInstanceOf(RegisterCustomerDto);
  });

  it('names each invalid field of a customer', async () => {
    const errors = await fieldErrors(RegisterCustomerDto, {
      name: '',
      phone: 'call me',
      email: 'not-an-email',
      channel: 'pigeon',
      branchId: 'b1',
      notes: 'x'.repeat(10_001),
    });
    expect(paths(errors)).toEqual(['branchId', 'channel', 'email', 'name', 'notes', 'phone']);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('refuses unknown fields by name instead of dropping them', async () => {
    const errors = await fieldErrors(RegisterCustomerDto, { name: 'A', channel: 'phone', tenantId: 'other' });
    expect(errors).toEqual([{ path: 'tenantId', message: 'property tenantId should not exist' }]);
  });

  it('gives nested paths with array indexes', async () => {
    const errors = await fieldErrors(BusinessCalendarDto, {
      timeZone: 'Mars/Olympus',
      workingHours: [
        { weekday: 1, open: '09:00', close: '18:00' },
        { weekday: 8, open: '9am', close: '18:00', lunch: true },
      ],
      holidays: ['2025-10-01', '01/10/2025'],
    });
    expect(paths(errors)).toEqual([
      'holidays',
      'timeZone',
      'workingHours[1].lunch',
      'workingHours[1].open',
      'workingHours[1].weekday',
    ]);
  });

  it('checks each role of a user and the password length', async () => {
    const errors = await fieldErrors(RegisterUserDto, {
      username: 'bob',
      displayName: 'Bob',
      password: 'short',
      roles: ['admin', 'king'],
    });
    expect(paths(errors)).toEqual(['password', 'roles']);
  });

  it('answers a missing body with the required fields', async () => {
    expect(paths(await fieldErrors(RegisterCustomerDto, undefined))).toEqual(['channel', 'name']);
  });
});

describe('problemOf', () => {
  it('maps the framework’s HTTP errors to our codes', () => {
    expect(problemOf(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(problemOf(new PayloadTooLargeException())).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(problemOf(new ThrottlerException())).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(problemOf(new HttpException('nope', 415))).toMatchObject({ status: 415, code: 'HTTP_415' });
  });

  it('maps body-parser’s errors by their status', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(problemOf(tooLarge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an upstream problem exactly as it came', () => {
    const upstream = {
      type: 'https://serviceops.dev/problems/eventstore-wrong-expected-version',
      title: 'Conflict',
      status: 409,
      detail: 'expected version 3, found 4',
      code: 'EVENTSTORE.WRONG_EXPECTED_VERSION',
    };
    expect(problemOf(new ProblemResponse(upstream))).toBe(upstream);
  });

  it('hides the message of an unknown error behind a 500', () => {
    const problem = problemOf(new Error('connection string postgres://secret@db'));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
