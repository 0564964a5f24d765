import { EventNotSerializableError } from './errors';
import { toJson } from './serialization';

describe('toJson', () => {
  it('serializes plain JSON values and round-trips them', () => {
    const value = {
      s: '中文',
      n: -1.5,
      b: true,
      z: null,
      xs: [1, { y: 'z' }],
      o: Object.create(null) as object,
    };
    expect(JSON.parse(toJson(value))).toEqual(value);
  });

  it('drops undefined properties the way JSON does', () => {
    expect(toJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { k: 1 };
    expect(toJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });

  it.each([
    ['bigint', { a: 1n }, '$.a'],
    ['symbol', { a: Symbol('x') }, '$.a'],
    ['function', [() => 1], '$[0]'],
    ['-Infinity', { deep: { er: -Infinity } }, '$.deep.er'],
    ['class instance', { at: new Date(0) }, '$.at'],
    ['Set', { s: new Set([1]) }, '$.s'],
    ['NUL in a key', { 'a\u0000': 1 }, '$'],
  ])('refuses a %s and names where it is', (_name, value, path) => {
    expect(() => toJson(value)).toThrow(EventNotSerializableError);
    expect(() => toJson(value)).toThrow(expect.objectContaining({ path }) as Error);
  });
});
