import { ProblemError } from '@serviceops/platform';
import { canonicalJson, parseIdempotencyKey, requestHash } from './idempotency-key';

describe('Idempotency-Key', () => {
  it.each(['a', 'order-42', '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11', 'with inner space', 'x'.repeat(200)])(
    'accepts %p',
    (key) => {
      expect(parseIdempotencyKey(key)).toBe(key);
    },
  );

  it.each(['', ' ', 'x'.repeat(201), 'tab\there', 'ключ', ' leading', 'trailing '])('refuses %p', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(ProblemError);
  });

  it('refuses with a 400 code', () => {
    let error: unknown;
    try {
      parseIdempotencyKey('');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'IDEMPOTENCY.KEY_INVALID' });
  });
});

describe('request hash', () => {
  it('ignores the order of object keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestHash({ name: 'A', channel: 'phone' }, undefined)).toBe(
      requestHash({ channel: 'phone', name: 'A' }, undefined),
    );
  });

  it('differs when the body or the If-Match condition differs', () => {
    const base = requestHash({ name: 'A' }, '"3"');
    expect(requestHash({ name: 'B' }, '"3"')).not.toBe(base);
    expect(requestHash({ name: 'A' }, '"4"')).not.toBe(base);
    expect(requestHash({ name: 'A' }, undefined)).not.toBe(base);
  });
});
