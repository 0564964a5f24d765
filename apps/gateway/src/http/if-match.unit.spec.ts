import { ProblemError } from '@serviceops/platform';
import { etagOf, IF_MATCH_PATTERN, parseIfMatch } from './if-match';

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"3"', 3],
    ['  "12" ', 12],
    ['"0"', 0],
    ['"2147483647"', 2147483647],
  ])('reads %p as version %p', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([undefined, '', '*'])('makes no condition of %p', (header) => {
    expect(parseIfMatch(header)).toBeUndefined();
  });

  it.each(['"abc"', '"3', '3"', '"1", "2"', '-1', '"2147483648"', 'W/3x', '"3.5"'])(
    'refuses %p with a validation problem naming If-Match',
    (header) => {
      let error: unknown;
      try {
        parseIfMatch(header);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ProblemError);
      expect(error).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'If-Match' }] });
    },
  );

  it('round-trips an ETag', () => {
    expect(etagOf(7)).toBe('"7"');
    expect(parseIfMatch(etagOf(7))).toBe(7);
  });
});

describe('the If-Match shape OpenAPI states', () => {
  const published = new RegExp(IF_MATCH_PATTERN);
  it.each(['"3"', '3', 'W/"3"', '*', '', '"999999999"', 'W/12'])('%s is published and parsed', (value) => {
    expect(published.test(value)).toBe(true);
    expect(() => parseIfMatch(value)).not.toThrow();
  });
  it.each(['W/*', '"3', 'abc', '"1", "2"', '"9999999999"'])('%s is outside the published shape', (value) => {
    expect(published.test(value)).toBe(false);
  });
});
