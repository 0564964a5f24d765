import {
  codePoints,
  GENDERS,
  isCalendarDay,
  isInstant,
  isMinorUnits,
  matching,
  MONEY_AMOUNT,
  normaliseIdNumber,
  RULES,
  text,
  untrimmed,
  type StringRule,
} from './rules';

describe('field rules', () => {
  it('count code points, as JSON Schema does', () => {
    expect(codePoints('𠀀😀a')).toBe(3);
    expect(codePoints('\ud800')).toBe(1);
    expect(text(1, 2).accepts('😀😀')).toBe(true);
    expect(text(1, 2).accepts('😀😀😀')).toBe(false);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['0053-05-22', true],
    ['0765-07-14', true],
    ['9999-12-31', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
  ])('a day %s: %s', (raw, valid) => {
    expect(isCalendarDay(raw)).toBe(valid);
  });

  it.each([
    ['2026-03-14T09:30:00Z', true],
    ['2026-03-14T17:30:00.123456+08:00', true],
    ['0053-05-22T00:00:00z', true],
    ['2026-03-14T24:00:00Z', false],
    ['2026-03-14T23:59:60Z', false],
    ['2026-03-14T09:30:00', false],
    ['2026-02-30T09:30:00Z', false],
    ['2026-03-14T09:30:00+24:00', false],
  ])('an instant %s: %s', (raw, valid) => {
    expect(isInstant(raw)).toBe(valid);
  });

  it('ignore spaces and dashes in ID numbers and compare in capitals', () => {
    expect(normaliseIdNumber('510104-19900228-123x')).toBe('51010419900228123X');
    expect(RULES.idNumber.accepts('5101 0419 9002 2812 3x')).toBe(true);
    expect(RULES.idNumber.accepts('A1-2')).toBe(false);
  });

  it.each(Object.entries(RULES as Record<string, StringRule>))(
    'publish a pattern that agrees with the verdict on examples: %s',
    (_name, rule) => {
      if (!rule.schema.pattern) return;
      const published = new RegExp(rule.schema.pattern, 'u');
      for (const example of [
        '',
        ' ',
        'a',
        'Wang Fang',
        '+86 138 0000 0000',
        'a@b.co',
        '2026-03-14',
        '7_' + '0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12),
      ]) {
        if (
          published.test(example) &&
          codePoints(example) <= (rule.schema.maxLength ?? Infinity) &&
          codePoints(example) >= (rule.schema.minLength ?? 0)
        )
          expect(rule.accepts(example)).toBe(true);
      }
    },
  );

  it('take every cursor of the published shape', () => {
    expect(
      RULES.keysetCursor.accepts(`999999999999999_${'a'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`),
    ).toBe(true);
    expect(RULES.keysetCursor.accepts('x')).toBe(false);
    expect(RULES.seqCursor.accepts('123')).toBe(true);
    expect(RULES.nameCursor.accepts('QWNtZQ')).toBe(true);
  });

  it('refuse a currency that is not three capitals', () => {
    expect(RULES.currency.accepts('CNY')).toBe(true);
    expect(RULES.currency.accepts('cny')).toBe(false);
  });
});

/** Each rule at its edges: the last value in, the first one out, on every side a constant or a comparison sets. */
describe('field rules at their edges', () => {
  const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

  it.each([
    ['', 0],
    ['ab', 2],
    ['\ud83d\ude00', 1], // a pair
    ['\udbff\udfff', 1], // the last pair
    ['\ud800\udc00', 1], // the first pair
    ['\ud800', 1], // a high surrogate at the end
    ['\ud800a', 2], // followed by no low one
    ['\ud800\ue000', 2], // just above the low range
    ['\ud800\udbff', 2], // a high one again
    ['\ud7ff\udc00', 2], // just below the high range
    ['\udc00\udc00', 2], // low ones alone
  ])('count %j as %i code points', (raw, count) => {
    expect(codePoints(raw)).toBe(count);
  });

  it('state free text in its message and schema, with and without a minimum', () => {
    expect(text(1, 200).message).toBe('must be 1–200 characters');
    expect(text(0, 10).message).toBe('must be at most 10 characters');
    expect(text(2, 3).schema).toEqual({
      type: 'string',
      minLength: 2,
      maxLength: 3,
      pattern: '^[^\\x00]*[^\\s\\x00\\ufeff][^\\x00]*$',
    });
    expect(text(0, 3).schema).toEqual({ type: 'string', maxLength: 3, pattern: '^[^\\x00]*$' });
  });

  it.each([
    ['ab', true],
    ['abc', true],
    ['a', false],
    ['abcd', false],
    [' a ', false], // one character once trimmed
    [' ab ', false], // two once trimmed, but four as sent
    ['a\0b', false],
  ])('text(2, 3) takes %j: %s', (raw, verdict) => {
    expect(text(2, 3).accepts(raw)).toBe(verdict);
  });

  it('let free text without a minimum be empty or spaces, and say "something" in its pattern otherwise', () => {
    expect(text(0, 3).accepts('')).toBe(true);
    expect(text(0, 3).accepts('   ')).toBe(true);
    const something = new RegExp(text(1, 9).schema.pattern as string, 'u');
    const anything = new RegExp(text(0, 9).schema.pattern as string, 'u');
    expect([' a ', '\t', '\ufeff', 'a\0', ''].map((raw) => something.test(raw))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(['', ' ', '\0'].map((raw) => anything.test(raw))).toEqual([true, true, false]);
  });

  it('take untrimmed text as typed, between its bounds', () => {
    const rule = untrimmed(8, 10);
    expect(rule.message).toBe('must be 8–10 characters');
    expect(rule.schema).toEqual({ type: 'string', minLength: 8, maxLength: 10, pattern: '^[^\\x00]*$' });
    expect(
      ['1234567', '12345678', ' '.repeat(8), '1234567890', '12345678901', '1234\u00005678'].map(rule.accepts),
    ).toEqual([false, true, true, true, false, false]);
  });

  it('publish a regular expression rule as its pattern, with the options given', () => {
    const rule = matching(/^x+$/, 'must be x', { maxLength: 4 });
    expect(rule).toMatchObject({
      message: 'must be x',
      schema: { type: 'string', pattern: '^x+$', maxLength: 4 },
    });
    expect([rule.accepts('xx'), rule.accepts('xy')]).toEqual([true, false]);
    expect(matching(/^y$/, 'must be y').schema).toEqual({ type: 'string', pattern: '^y$' });
  });

  it.each(Object.entries(RULES as Record<string, StringRule>))('say what %s must be', (_name, rule) => {
    expect(rule.message).toMatch(/^must be ./);
    expect(rule.schema.type).toBe('string');
  });

  it.each([
    ['name', 200, 1],
    ['address', 500, 1],
    ['notes', 10_000, 0],
    ['needText', 2_000, 0],
    ['reason', 500, 1],
    ['longText', 10_000, 1],
    ['loginName', 100, 1],
    ['newPassword', 200, 8],
    ['password', 200, 1],
  ] as const)('bound %s to %i characters, at least %i', (name, max, min) => {
    const rule: StringRule = RULES[name];
    expect(rule.schema.maxLength).toBe(max);
    expect(rule.accepts('x'.repeat(max))).toBe(true);
    expect(rule.accepts('x'.repeat(max + 1))).toBe(false);
    expect(rule.accepts('x'.repeat(min))).toBe(true);
    if (min > 0) expect(rule.accepts('x'.repeat(min - 1))).toBe(false);
  });

  it.each([
    ['+123456', true],
    ['123456', true],
    ['1' + '2'.repeat(19), true],
    [' 138-0000 0000 ', true], // trimmed
    ['12345', false],
    ['1' + '2'.repeat(20), false],
    ['++123456', false],
    ['-123456', false],
    ['a123456', false],
    ['1234567x', false],
    ['123\n4567', false],
  ])('a phone %j: %s', (raw, verdict) => {
    expect(RULES.phone.accepts(raw)).toBe(verdict);
  });

  it.each([
    ['a@b.co', true],
    [' a@b.co ', true],
    ['li.wei@mail.example.cn', true],
    [`${'a'.repeat(248)}@b.com`, true], // 254
    [`${'a'.repeat(249)}@b.com`, false], // 255
    ['a@b', false],
    ['@b.co', false],
    ['a@.co', false],
    ['a@b.', false],
    ['a@@b.co', false],
    ['a b@c.de', false],
    ['a@b.co x', false],
    ['xa@b.co@', false],
  ])('an email %j: %s', (raw, verdict) => {
    expect(RULES.email.accepts(raw)).toBe(verdict);
  });

  it.each([
    ['AB12', true],
    ['ab12', true],
    ['A'.repeat(40), true],
    ['A B-C D', true],
    ['AB1', false],
    ['A'.repeat(41), false],
    ['AB_12', false],
    ['AB12.', false],
  ])('an ID number %j: %s', (raw, verdict) => {
    expect(RULES.idNumber.accepts(raw)).toBe(verdict);
  });

  it('normalise every space and dash of an ID number, not only the first', () => {
    expect(normaliseIdNumber('a  b--c d')).toBe('ABCD');
  });

  it.each([
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-28', true],
    ['2024-02-30', false],
    ['2026-12-31', true],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['x2026-01-01', false],
    ['2026-01-01x', false],
  ])('a day at its edge %s: %s', (raw, valid) => {
    expect(isCalendarDay(raw)).toBe(valid);
    expect(RULES.dateOnly.accepts(raw)).toBe(valid);
  });

  it.each([
    ['2026-03-14 09:30:00Z', true],
    ['2026-03-14t09:30:00Z', true],
    ['2026-03-14T23:59:59Z', true],
    ['2026-03-14T00:00:00-05:00', true],
    ['2026-03-14T09:30:00+23:59', true],
    ['2026-03-14T09:30:00.123456789Z', true],
    ['2026-03-14T09:30:00.1234567890Z', false],
    ['2026-03-14T00:60:00Z', false],
    ['2026-03-14T09:30:00+23:60', false],
    ['2026-03-14T09:30:00+2:00', false],
    ['2026-03-14T09:30:60Z', false],
    ['2026-03-14T09:30:00-24:00', false],
    ['2026-03-14T09:30:00+00:60', false],
    ['2026-03-14T24:00:00+08:00', false],
    ['x2026-03-14T09:30:00Z', false],
    ['2026-03-14T09:30:00Zx', false],
  ])('an instant at its edge %s: %s', (raw, valid) => {
    expect(isInstant(raw)).toBe(valid);
    expect(RULES.instant.accepts(raw)).toBe(valid);
  });

  it.each([
    ['abc', true],
    ['ABC', true],
    [' abc ', true],
    ['a.b_c-d', true],
    ['a'.repeat(64), true],
    ['ab', false],
    ['a'.repeat(65), false],
    ['a b', false],
    ['a/b', false],
  ])('a username %j: %s', (raw, verdict) => {
    expect(RULES.username.accepts(raw)).toBe(verdict);
  });

  it('take cursors of the published shape and length only', () => {
    const longest = `${'9'.repeat(15)}_${uuid}`;
    expect(RULES.keysetCursor.accepts(longest)).toBe(true);
    expect(RULES.keysetCursor.schema.maxLength).toBe(longest.length);
    expect(RULES.keysetCursor.accepts(`0_${uuid}`)).toBe(true);
    expect(RULES.keysetCursor.accepts(`${'9'.repeat(16)}_${uuid}`)).toBe(false);
    expect(RULES.keysetCursor.accepts(`_${uuid}`)).toBe(false);
    expect(RULES.keysetCursor.accepts(`1_${uuid.toUpperCase()}`)).toBe(false);
    expect(RULES.keysetCursor.accepts(`x1_${uuid}`)).toBe(false);
    expect(RULES.nameCursor.accepts('A'.repeat(1100))).toBe(true);
    expect(['', 'A'.repeat(1101), 'QQ==', 'a+b'].map(RULES.nameCursor.accepts)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(RULES.seqCursor.accepts('9'.repeat(18))).toBe(true);
    expect(['', '9'.repeat(19), '-1', '1a'].map(RULES.seqCursor.accepts)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('take ids and tokens of their exact shape and length only', () => {
    expect(RULES.uuid.accepts(uuid.toUpperCase())).toBe(true);
    expect(RULES.uuid.schema.format).toBe('uuid');
    expect([uuid.replace(/-/g, ''), `${uuid}0`, `x${uuid}`].map(RULES.uuid.accepts)).toEqual([
      false,
      false,
      false,
    ]);
    const activation = `${uuid}.${'A'.repeat(43)}`;
    expect(RULES.activationToken.accepts(activation)).toBe(true);
    expect(RULES.activationToken.schema.maxLength).toBe(activation.length);
    expect(
      [
        `${uuid}.${'A'.repeat(42)}`,
        `${uuid}.${'A'.repeat(44)}`,
        `${uuid.toUpperCase()}.${'A'.repeat(43)}`,
        `${uuid}x${'A'.repeat(43)}`,
      ].map(RULES.activationToken.accepts),
    ).toEqual([false, false, false, false]);
    expect(RULES.refreshToken.accepts('a_-'.padEnd(43, 'Z'))).toBe(true);
    expect(RULES.refreshToken.schema.maxLength).toBe(43);
    expect(['A'.repeat(42), 'A'.repeat(44), `+${'A'.repeat(42)}`].map(RULES.refreshToken.accepts)).toEqual([
      false,
      false,
      false,
    ]);
    expect(['CNYY', 'CN', 'C1Y'].map(RULES.currency.accepts)).toEqual([false, false, false]);
  });

  it('publish the formats and patterns OpenAPI states', () => {
    expect(RULES.email.schema).toMatchObject({ format: 'email', maxLength: 254 });
    expect(RULES.idNumber.schema).toMatchObject({ maxLength: 80 });
    expect(new RegExp(RULES.idNumber.schema.pattern as string).test('A B-C D')).toBe(true);
    expect(new RegExp(RULES.idNumber.schema.pattern as string).test('ABC')).toBe(false);
    expect(RULES.dateOnly.schema).toMatchObject({ format: 'date', pattern: '^(\\d{4})-(\\d{2})-(\\d{2})$' });
    expect(RULES.instant.schema).toEqual({ type: 'string', format: 'date-time' });
    expect(RULES.username.schema.pattern).toBe('^[A-Za-z0-9._-]{3,64}$');
    expect(RULES.phone.schema.pattern).toBe('^\\+?[0-9][0-9 -]{5,19}$');
  });

  it('name the genders a file may state, and bound money to what a double holds exactly', () => {
    expect(GENDERS).toEqual(['female', 'male', 'other', 'undisclosed']);
    expect(MONEY_AMOUNT).toEqual({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
    expect([1, 0, -5, Number.MAX_SAFE_INTEGER].map(isMinorUnits)).toEqual([true, true, true, true]);
    expect([1.5, 2 ** 53, Number.NaN, '1', null].map(isMinorUnits)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
