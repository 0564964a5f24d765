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

  it('names every malformed field of an input by its JSON path, at any depth', () => {
    expect(
      shapeProblems({
        name: 'a\u0000b',
        phone: '+86 138 0000 0000',
        needs: [{ line: 'after_sales_repair' }, { line: 'companion_chat', preferences: 'x\ud800' }],
        need: { place: '𠀀 ok', requirements: '\udc00' },
        count: 3,
        nothing: null,
      }),
    ).toEqual([
      { path: 'name', message: expect.stringMatching(/NUL/) as string },
      { path: 'needs[1].preferences', message: expect.stringMatching(/lone surrogate/) as string },
      { path: 'need.requirements', message: expect.stringMatching(/lone surrogate/) as string },
    ]);
  });

  it('names a malformed field name, and a bare value by the name it is given', () => {
    expect(shapeProblems({ 'a\u0000': 1 })).toEqual([
      { path: 'a\u0000', message: expect.stringMatching(/^the field name/) as string },
    ]);
    expect(shapeProblems('x\u0000', 'id')).toEqual([{ path: 'id', message: expect.any(String) as string }]);
    expect(shapeProblems('x\u0000')).toEqual([{ path: '(body)', message: expect.any(String) as string }]);
    expect(shapeProblems({ name: 'fine' })).toEqual([]);
  });
});
