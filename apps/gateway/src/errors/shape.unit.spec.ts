import { MAX_DEPTH, shapeProblems } from './shape';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('a request’s shape', () => {
  it(`takes nesting up to ${MAX_DEPTH} levels`, () => {
    expect(shapeProblems(nested(MAX_DEPTH))).toEqual([]);
  });

  it('refuses deeper nesting without walking it recursively (100,000 levels)', () => {
    expect(shapeProblems(nested(MAX_DEPTH + 2))).toHaveLength(1);
    expect(shapeProblems(nested(100_000))).toEqual([
      expect.objectContaining({ message: `nested deeper than ${MAX_DEPTH} levels` }),
    ]);
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'])(
    'refuses a key named %s, at any depth',
    (key) => {
      expect(shapeProblems(JSON.parse(`{"a": [{"${key}": 1}]}`))).toEqual([
        { path: `a[0].${key}`, message: `property ${key} should not exist` },
      ]);
    },
  );

  it('leaves ordinary keys and values alone', () => {
    expect(shapeProblems({ name: 'Wang Fang', needs: [{ line: 'companion_chat' }], n: 1, x: null })).toEqual(
      [],
    );
  });
});
