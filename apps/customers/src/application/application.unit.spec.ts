import type { EventSourcingRuntime } from '@serviceops/platform';
import { mapSealed, type PersonalDataCipher } from '../infrastructure/personal-data-cipher';
import { Sealing } from './customer-store';
import { personalView } from './customer-view';
import { maskBirthDate, maskEmail, maskIdNumber, maskName, maskPhone } from './masking';
import { decodeCursor, decodeDayCursor, encodeCursor, encodeDayCursor } from './paging';
import type { InquiryEvent } from '../domain/inquiry/inquiry.events';
import type { ReturnVisitEvent } from '../domain/return-visit/return-visit.events';
import { inquiryViewOf } from './inquiries';
import { derivedId, visitViewOf } from './return-visits';

describe('masking personal values', () => {
  it.each([
    [maskName, 'Li Wei', 'L*****'],
    [maskName, '王芳', '王**'],
    [maskPhone, '+86 138-0000-5678', '*********5678'],
    [maskEmail, 'wang.fang@example.com', 'w***@example.com'],
    [maskIdNumber, '51010419900228123X', '**************123X'],
    [maskIdNumber, 'A123', '***3'],
    [maskIdNumber, 'AB12', '***2'],
    [maskIdNumber, '12345678', '*****678'],
    [maskPhone, '138000', '****00'],
    [maskBirthDate, '1990-02-28', '1990-**-**'],
  ])('%p masks %s as %s', (mask, value, masked) => {
    expect(mask(value)).toBe(masked);
  });

  it('shows clear values only to a clear reader, and tells which fields were shown', () => {
    const fields = {
      name: 'Li Wei',
      phone: '13800005678',
      needs: [{ line: 'companion_chat' as const, needs: 'evenings' }],
    };
    expect(personalView(fields, true)).toEqual({
      view: { name: 'Li Wei', phone: '13800005678', needs: [{ line: 'companion_chat', needs: 'evenings' }] },
      shown: ['name', 'phone', 'needs'],
    });
    expect(personalView(fields, false)).toEqual({
      view: { name: 'L*****', phone: '*******5678', needs: [{ line: 'companion_chat', needs: '***' }] },
      shown: [],
    });
  });

  it('never shows a value still sealed (its key destroyed)', () => {
    expect(personalView({ name: 'enc:v1:abc.def.ghi', phone: 'enc:v1:x.y.z' }, true)).toEqual({
      view: { needs: [] },
      shown: [],
    });
  });
});

describe('sealing paths', () => {
  const upper = (v: string) => v.toUpperCase();

  it('maps top-level, nested and list paths, leaving the rest and absent or null values alone', () => {
    const data = {
      customerId: 'id',
      name: 'li',
      phone: null,
      need: { kind: 'equipment', place: 'chengdu' },
      needs: [{ line: 'a', needs: 'x' }, { line: 'b' }],
    };
    expect(mapSealed(data, ['name', 'phone', 'email', 'need.place', 'needs[].needs'], upper)).toEqual({
      customerId: 'id',
      name: 'LI',
      phone: null,
      need: { kind: 'equipment', place: 'CHENGDU' },
      needs: [{ line: 'a', needs: 'X' }, { line: 'b' }],
    });
    expect(data.name).toBe('li');
  });
});

describe('sealing without the customer’s key (erased)', () => {
  const C = '0b6f3d1c-9a59-4e0e-8a8c-1d2b3c4d5e6f';
  const noKeys = { load: () => Promise.resolve(undefined) } as unknown as PersonalDataCipher;
  const sealing = new Sealing({} as EventSourcingRuntime, noKeys);

  it('refuses to write personal data with 422 CUSTOMERS.CUSTOMER_ERASED, not an internal error', async () => {
    const codec = await sealing.forRead(C, ['answer']);
    expect(() => codec.encode({ type: 'InquiryAnswered', data: { customerId: C, answer: 'Hello' } })).toThrow(
      expect.objectContaining({ code: 'CUSTOMERS.CUSTOMER_ERASED', details: { customerId: C } }) as Error,
    );
  });

  it('lets an event with nothing to seal through, and leaves stored values sealed on the way out', async () => {
    const codec = await sealing.forRead(C, ['answer']);
    const overdue = {
      type: 'InquiryWentOverdue',
      data: { customerId: C, overdueAt: '2026-03-11T06:00:00Z' },
    };
    expect(codec.encode(overdue)).toEqual(overdue);
    const stored = { type: 'InquiryAnswered', data: { customerId: C, answer: 'enc:v1:a.b.c' } };
    expect(codec.decode(stored as never)).toEqual(stored);
  });
});

describe('ids derived from events', () => {
  it('are stable uuids (v4 shape), different per purpose', () => {
    const a = derivedId('6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', 'periodic-visit');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', 'periodic-visit')).toBe(a);
    expect(derivedId('6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', 'other')).not.toBe(a);
  });
});

describe('page cursors', () => {
  const id = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';

  it('give back the sort key and id of a page’s last item', () => {
    expect(decodeDayCursor(encodeDayCursor('2026-11-22', id))).toEqual({ day: '2026-11-22', id });
    const at = new Date('2026-11-22T08:00:00.000Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
  });

  it.each([
    ['not a cursor', 'x'],
    ['a key of 16 digits', `1234567890123456_${id}`],
    ['a negative key', `-1_${id}`],
    ['an id that is no uuid', encodeDayCursor('2026-11-22', 'x; DROP TABLE')],
    ['an id in capitals', `20000_${id.toUpperCase()}`],
  ])('refuse %s (400 VALIDATION on cursor)', (_label, cursor) => {
    expect(() => decodeDayCursor(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as Error);
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as Error);
  });

  it('decode every cursor of the published shape: far-off keys still sort after every real item', () => {
    expect(decodeDayCursor(`999999999999999_${id}`)).toEqual({ day: '9999-12-31', id });
    expect(decodeDayCursor(`0_${id}`)).toEqual({ day: '1970-01-01', id });
    expect(decodeCursor(`999999999999999_${id}`).at.getTime()).toBe(999_999_999_999_999);
  });
});

describe('views folded from a record’s events', () => {
  const I = '3d0f6a52-7c1b-4e0a-9f3e-2b6c8d1e4a70';
  const C = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
  // A type no use case records (retired, or a new one the view does not show): only the stream's version moves.
  const unknown = { type: 'InquiryCallNoted', data: { inquiryId: I } } as unknown as InquiryEvent;

  it('leave an inquiry as it was on an event they do not show', () => {
    const received: InquiryEvent = {
      type: 'InquiryReceived',
      data: {
        inquiryId: I,
        customerId: C,
        channel: 'phone',
        subject: 'Forklift',
        content: 'By the week?',
        receivedAt: '2026-03-02T01:00:00.000Z',
        policyVersion: 1,
      },
    };
    const before = inquiryViewOf([received], 1, true).view;
    expect(inquiryViewOf([received, unknown], 2, true).view).toEqual({ ...before, version: 2 });
  });

  it('leave a return visit as it was on an event they do not show', () => {
    const scheduled: ReturnVisitEvent = {
      type: 'ReturnVisitScheduled',
      data: {
        visitId: I,
        customerId: C,
        reason: 'on_demand',
        dueOn: '2026-03-02',
        scheduledAt: '2026-03-02T01:00:00.000Z',
        policyVersion: 1,
      },
    };
    const before = visitViewOf([scheduled], 1, true).view;
    const other = { type: 'ReturnVisitCallNoted', data: { visitId: I } } as unknown as ReturnVisitEvent;
    expect(visitViewOf([scheduled, other], 2, true).view).toEqual({ ...before, version: 2 });
    expect(before).toMatchObject({ id: I, status: 'scheduled', dueOn: '2026-03-02' });
  });
});
