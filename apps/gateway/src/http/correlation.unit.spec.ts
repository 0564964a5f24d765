import { callContextOf } from '../access/caller';
import type { AccessClaims } from '../access/jwt';
import { newCorrelationId, sanitiseCorrelationId } from './correlation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const claims = { sub: 'u-1', tid: 't-1', roles: ['admin'] } as unknown as AccessClaims;

describe('correlation ids', () => {
  it.each(['abc', 'order-42.retry:1', 'A_b-C.d:e', 'x'.repeat(128), '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11'])(
    'keeps the caller’s sane id %p as theirs, beside the platform’s own',
    (id) => {
      expect(sanitiseCorrelationId(id)).toBe(id);
      const call = callContextOf(claims, { correlationId: newCorrelationId(), clientCorrelationId: id });
      expect(call.clientCorrelationId).toBe(id);
      expect(call.correlationId).toMatch(UUID);
      expect(call.correlationId).not.toBe(id);
    },
  );

  it.each([
    ['too long', 'x'.repeat(129)],
    ['empty', ''],
    ['with spaces', 'a b'],
    ['with a newline (header injection)', 'a\r\nSet-Cookie: x'],
    ['with a slash', 'a/b'],
    ['non-ASCII', 'café'],
    ['not a string', 42],
    ['absent', undefined],
  ])('drops a caller’s id %s', (_, value) => {
    expect(sanitiseCorrelationId(value)).toBeUndefined();
    const clientCorrelationId = typeof value === 'string' ? value : undefined;
    expect(callContextOf(claims, { clientCorrelationId })).not.toHaveProperty('clientCorrelationId');
  });

  it('makes a different id each time', () => {
    expect(newCorrelationId()).toMatch(UUID);
    expect(newCorrelationId()).not.toBe(newCorrelationId());
  });
});
