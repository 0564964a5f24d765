import { malformedTextFields, malformedTextReason } from './text';

describe('text that can be stored as given', () => {
  it.each([
    ['plain text', 'Downtown workshop'],
    ['Chinese', '分店'],
    ['an emoji (a surrogate pair)', '分店😀'],
    ['characters of plane 2 only', '𠀀𠀁'],
    ['a replacement character the user typed', 'a\uFFFDb'],
    ['an empty string', ''],
  ])('accepts %s', (_why, value) => {
    expect(malformedTextReason(value)).toBeUndefined();
  });

  it.each([
    ['a NUL character', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'a\ud800b', /lone surrogate/],
    ['a lone high surrogate at the end', 'ab\ud83d', /lone surrogate/],
    ['a lone low surrogate', '\ude00ab', /lone surrogate/],
    ['two high surrogates in a row', '\ud83d\ud83d\ude00', /lone surrogate/],
  ])('refuses %s', (_why, value, reason) => {
    expect(malformedTextReason(value)).toMatch(reason);
  });

  it('names every malformed field of an input by its JSON path, at any depth', () => {
    expect(
      malformedTextFields({
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
    expect(malformedTextFields({ 'a\u0000': 1 })).toEqual([
      { path: 'a\u0000', message: expect.stringMatching(/^the field name/) as string },
    ]);
    expect(malformedTextFields('x\u0000', 'id')).toEqual([
      { path: 'id', message: expect.any(String) as string },
    ]);
    expect(malformedTextFields('x\u0000')).toEqual([
      { path: '(body)', message: expect.any(String) as string },
    ]);
    expect(malformedTextFields({ name: 'fine' })).toEqual([]);
  });
});
