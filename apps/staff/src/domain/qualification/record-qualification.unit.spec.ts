import { STAFF_PEOPLE_FIELDS } from '@serviceops/contracts';
import { refusalOf } from '@serviceops/testing';
import type { Caller } from '@serviceops/kernel';
import type { MemberState } from '../member/member.state';
import { qualificationDecider } from './qualification.decider';
import type { QualificationContext, QualificationsState } from './qualification.state';
import { recordQualification, type RecordQualification } from './record-qualification';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const Q = '4fb03e78-9fb2-4052-8e7e-516270809eaf';
const caller: Caller = { actorId: '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b', newId: Q };
const member: MemberState = {
  status: 'active',
  staffId: STAFF,
  candidateId: STAFF,
  postingId: STAFF,
  role: 'coach',
  branchId: STAFF,
  businessLine: 'driving_practice',
  payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
  name: 'Li',
  phone: '+86 139 0000 0000',
  hiredAt: at,
  updatedAt: at,
};
const ctx: QualificationContext = { now, timeZone: 'UTC', policy: { expiryReminderDays: 10 }, member };
const mapping = recordQualification.handles?.command as (
  request: object,
  caller: Caller,
) => RecordQualification;
const command = (data: Partial<RecordQualification['data']> = {}): RecordQualification => ({
  type: 'RecordQualification',
  data: {
    staffId: STAFF,
    qualificationId: Q,
    kind: 'driving_licence',
    number: 'DL-1',
    issuedOn: '2020-01-01',
    expiresAt: '2026-06-01T00:00:00Z',
    ...data,
  },
});

function refusal(
  data: Partial<RecordQualification['data']>,
  state: QualificationsState = qualificationDecider.initialState(),
  context = ctx,
) {
  return refusalOf(() => qualificationDecider.decide(command(data), state, context));
}

describe('RecordQualification: the request made the command', () => {
  it('serves staff.RecordQualification', () => {
    expect(recordQualification.handles?.rpc).toBe('staff.RecordQualification');
  });

  it('names the qualification by the id made for the call, and passes every field on', () => {
    const request = {
      id: STAFF,
      kind: 'driving_licence',
      number: 'DL-1',
      issuedOn: '2020-01-01',
      expiresAt: '2026-06-01T00:00:00Z',
      reverifyBy: '2026-04-01T00:00:00Z',
    };
    expect(mapping(request, caller)).toEqual(command({ reverifyBy: '2026-04-01T00:00:00Z' }));
  });

  it('leaves out what was not sent (proto3 leaves unset strings off)', () => {
    expect(mapping({ id: STAFF }, caller)).toEqual({
      type: 'RecordQualification',
      data: { staffId: STAFF, qualificationId: Q, kind: '', number: '', issuedOn: '', expiresAt: '' },
    });
  });
});

describe('RecordQualification: what it records', () => {
  it('the trimmed number, the instants in UTC and the reminder the tenant’s days before expiry', () => {
    const [event] = qualificationDecider.decide(
      command({
        number: ' DL-1 ',
        expiresAt: '2026-06-01T08:00:00+08:00',
        reverifyBy: '2026-04-01T08:00:00+08:00',
      }),
      qualificationDecider.initialState(),
      ctx,
    );
    expect(event).toEqual({
      type: 'QualificationRecorded',
      data: {
        staffId: STAFF,
        qualificationId: Q,
        kind: 'driving_licence',
        number: 'DL-1',
        issuedOn: '2020-01-01',
        expiresAt: '2026-06-01T00:00:00.000Z',
        reverifyBy: '2026-04-01T00:00:00.000Z',
        remindAt: '2026-05-22T00:00:00.000Z',
        recordedAt: at,
      },
    });
  });
});

describe('RecordQualification: what each refusal says', () => {
  it.each<[string, QualificationContext]>([
    ['unknown', { ...ctx, member: { status: 'absent' } }],
    ['not at hand', { now, timeZone: 'UTC', policy: { expiryReminderDays: 10 } }],
  ])('a staff member %s', (_why, context) => {
    expect(refusal({}, undefined, context)).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: 'no such staff member',
      details: {},
    });
  });

  it('a staff member erased', () => {
    expect(
      refusal({}, undefined, { ...ctx, member: { ...member, status: 'erased', name: '', phone: '' } }),
    ).toEqual({
      code: 'STAFF.STAFF_MEMBER_ERASED',
      message: 'the staff member’s personal data was erased',
      details: {},
    });
  });

  it('a kind it cannot take, naming the field', () => {
    expect(refusal({ kind: 'Forklift licence' })).toEqual({
      code: 'STAFF.QUALIFICATION_KIND_REJECTED',
      message: `kind ${STAFF_PEOPLE_FIELDS.qualificationKind.message}`,
      details: { field: 'kind' },
    });
  });

  it('a blank number, naming the field', () => {
    expect(refusal({ number: ' ' })).toEqual({
      code: 'STAFF.QUALIFICATION_NUMBER_REJECTED',
      message: `number ${STAFF_PEOPLE_FIELDS.qualificationNumber.message}`,
      details: { field: 'number' },
    });
  });

  it('the same kind and number again, however spaced', () => {
    const state = qualificationDecider
      .decide(command(), qualificationDecider.initialState(), ctx)
      .reduce(qualificationDecider.evolve, qualificationDecider.initialState());
    expect(refusal({ number: ' DL-1 ', qualificationId: STAFF }, state)).toEqual({
      code: 'STAFF.QUALIFICATION_EXISTS',
      message: 'this qualification is on record already',
      details: {},
    });
  });

  it('issued tomorrow, naming the field', () => {
    expect(refusal({ issuedOn: '2026-03-03' })).toEqual({
      code: 'STAFF.QUALIFICATION_ISSUED_IN_FUTURE',
      message: 'a qualification is issued today or earlier',
      details: { field: 'issuedOn' },
    });
  });

  it('expiring the day it was issued, naming the field', () => {
    expect(refusal({ issuedOn: '2026-03-01', expiresAt: '2026-03-01T00:00:00Z' })).toEqual({
      code: 'STAFF.QUALIFICATION_EXPIRY_NOT_AFTER_ISSUE',
      message: 'expiry comes after issue',
      details: { field: 'expiresAt' },
    });
  });

  it('expired already (at this very moment), naming the field', () => {
    expect(refusal({ issuedOn: '2026-03-01', expiresAt: at })).toEqual({
      code: 'STAFF.QUALIFICATION_ALREADY_EXPIRED',
      message: 'this qualification has expired: record a valid one',
      details: { field: 'expiresAt' },
    });
  });

  it('a re-verification due now, naming the field', () => {
    expect(refusal({ reverifyBy: at })).toEqual({
      code: 'STAFF.REVERIFICATION_NOT_AHEAD',
      message: 'the next re-verification is in the future',
      details: { field: 'reverifyBy' },
    });
  });
});
