import { PERSONAL_ANSWER_PATHS } from '@serviceops/contracts';
import { PERSONAL_FIELDS } from '@serviceops/platform';
import { keptBody, withoutPersonalData } from './kept-answer';

const CUSTOMER = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('what the idempotency store keeps of an answer', () => {
  it('leaves out the personal fields of a customer (a list of them empty) and keeps its ids, versions and state', () => {
    expect(
      withoutPersonalData({
        id: CUSTOMER,
        version: 2,
        name: 'Wang Fang',
        phone: '+86 138 0000 0000',
        email: 'wang.fang@example.com',
        address: 'No. 1 Renmin Road',
        idNumber: '42010619900517123X',
        birthDate: '1990-05-17',
        gender: 'female',
        notes: 'prefers WeChat',
        needs: [{ line: 'companion_chat', needs: 'weekly calls', preferences: 'evenings' }],
        channel: 'phone',
        status: 'active',
        masked: false,
        mergedFrom: [],
      }),
    ).toEqual({
      id: CUSTOMER,
      version: 2,
      needs: [],
      channel: 'phone',
      status: 'active',
      masked: false,
      mergedFrom: [],
    });
  });

  it('reaches nested objects and lists', () => {
    expect(
      withoutPersonalData({
        items: [
          {
            id: 'i1',
            subject: 'Rent an excavator',
            content: 'two weeks',
            answer: 'we call back',
            need: { kind: 'equipment', type: 'excavator', place: 'Hankou', requirements: 'operator' },
          },
        ],
        visit: {
          note: 'brakes',
          feedback: 'quick',
          suggestions: 'Sundays',
          followUp: { action: 'send the quote', dueOn: '2025-07-10' },
        },
      }),
    ).toEqual({
      items: [
        {
          id: 'i1',
          need: { kind: 'equipment' },
        },
      ],
      visit: { followUp: { dueOn: '2025-07-10' } },
    });
  });

  it.each(PERSONAL_FIELDS)('leaves out %s wherever it is', (field) => {
    const kept = keptBody(JSON.stringify({ [field]: 'secret', deep: [{ inner: { [field]: ['secret'] } }] }));
    expect(kept).not.toContain('secret');
    expect(JSON.parse(kept)).toEqual({ deep: [{ inner: { [field]: [] } }] });
  });

  it('leaves out every personal free-text field the customers service seals, where answers show it', () => {
    expect(
      withoutPersonalData({
        id: 'v1',
        status: 'cancelled',
        reason: 'after_service',
        serviceRef: 'WO-2025-Wang-Fang',
        cancelReason: 'Wang Fang moved to Shenzhen',
        followUp: { action: 'call Wang Fang', dueOn: '2025-07-10' },
        need: { kind: 'service', type: 'care for Wang Fang', place: 'Hankou' },
      }),
    ).toEqual({
      id: 'v1',
      status: 'cancelled',
      reason: 'after_service',
      followUp: { dueOn: '2025-07-10' },
      need: { kind: 'service' },
    });
  });

  it.each(PERSONAL_ANSWER_PATHS)('leaves out %s, in a list too', (path) => {
    const [first = '', second] = path.split('.');
    const at = (value: string) =>
      second === undefined ? { [first]: value } : { [first]: { [second]: value } };
    const kept = keptBody(JSON.stringify({ ...at('secret'), items: [at('secret')] }));
    expect(kept).not.toContain('secret');
  });

  it('leaves a problem, which carries no personal data, as it was', () => {
    const problem = {
      type: 'https://serviceops.dev/problems/customers-duplicate-suspected',
      title: 'Conflict',
      status: 409,
      detail: 'customers with the same phone exist',
      code: 'CUSTOMERS.DUPLICATE_SUSPECTED',
      candidates: [{ id: CUSTOMER, matchedOn: ['phone'] }],
    };
    expect(JSON.parse(keptBody(JSON.stringify(problem)))).toEqual(problem);
  });

  it('keeps no credential of a token answer (sign-in, activation, refresh), only what says when it ends', () => {
    const answer = {
      accessToken: 'eyJhbGciOiJIUzI1NiJ9.e30.sig',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: 'c2VjcmV0LXJlZnJlc2gtdG9rZW4tb2YtNDMtY2hhcnM',
      refreshExpiresAt: '2026-03-16T01:00:00.000Z',
    };
    expect(withoutPersonalData(answer)).toEqual({
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresAt: '2026-03-16T01:00:00.000Z',
    });
  });

  it('keeps scalars, null and an empty body as they are', () => {
    expect(keptBody('null')).toBe('null');
    expect(keptBody('"done"')).toBe('"done"');
    expect(keptBody('[]')).toBe('[]');
  });

  it('keeps nothing of a body that is not JSON', () => {
    expect(keptBody('Wang Fang, +86 138 0000 0000')).toBe('null');
  });
});
