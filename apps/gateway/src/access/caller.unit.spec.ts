import { ProblemError } from '@serviceops/platform';
import type { AccessClaims } from './jwt';
import { callContextOf, headerText, PURPOSE } from './caller';

const claims = {
  sub: '354c2fd0-0109-4986-9e81-00931a8ce1a8',
  tid: 'e3e70682-c209-4cac-a29f-6fbed82c07cd',
  roles: ['admin'],
} as unknown as AccessClaims;
const latin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('the caller’s headers', () => {
  it('take a purpose in any script, sent as UTF-8', () => {
    expect(callContextOf(claims, { purpose: latin1('回访：订单 42') }).purpose).toBe('回访：订单 42');
    expect(headerText('caf\u00e9')).toBe('caf\u00e9');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['a control character', 'call\u0007back'],
    ['over 200 characters', 'x'.repeat(201)],
  ])('refuse a purpose that is %s (400, never recorded as unspecified)', (_label, purpose) => {
    expect(() => callContextOf(claims, { purpose })).toThrow(ProblemError);
  });

  it.each(['', 'admin', '42'])('refuse X-On-Behalf-Of %j that is not a UUID', (onBehalfOf) => {
    expect(() => callContextOf(claims, { onBehalfOf })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }) as Error,
    );
  });

  it('agree with the published purpose pattern', () => {
    const published = new RegExp(PURPOSE.schema.pattern ?? '', 'u');
    for (const value of ['callback', ' x ', '回访', '\u0085', '\ufeff', 'a\u0000b', 'x'.repeat(200)])
      if (published.test(value) && [...value].length <= 200) expect(PURPOSE.accepts(value.trim())).toBe(true);
  });
});
