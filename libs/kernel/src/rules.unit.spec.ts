import {
  codePoints,
  isCalendarDay,
  isInstant,
  normaliseIdNumber,
  RULES,
  text,
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
