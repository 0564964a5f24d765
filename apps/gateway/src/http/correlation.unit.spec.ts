import { correlationIdOf, sanitiseCorrelationId } from './correlation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlation ids', () => {
  it.each(['abc', 'order-42.retry:1', 'A_b-C.d:e', 'x'.repeat(128), '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11'])(
    'keeps the caller’s sane id %p',
    (id) => {
      expect(sanitiseCorrelationId(id)).toBe(id);
      expect(correlationIdOf(id)).toBe(id);
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
  ])('replaces an id %s with a new UUID', (_, value) => {
    expect(sanitiseCorrelationId(value)).toBeUndefined();
    expect(correlationIdOf(value)).toMatch(UUID);
  });

  it('makes a different id each time', () => {
    expect(correlationIdOf(undefined)).not.toBe(correlationIdOf(undefined));
  });
});
