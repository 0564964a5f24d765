import { malformedTextReason } from './text';

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
});
