import { moneyOfMessage, optional, optionalMoney, removable } from './grpc-fields';

describe('gRPC fields: what proto3 leaves unsaid', () => {
  it.each([
    ['a value', 'Asia/Shanghai', { timeZone: 'Asia/Shanghai' }],
    ['zero', 0, { timeZone: 0 }],
    ['false', false, { timeZone: false }],
    ['an absent field', undefined, {}],
    ['an empty string', '', {}],
  ])('optional keeps %s only when set', (_why, value, expected) => {
    expect(optional('timeZone', value)).toEqual(expected);
  });

  it.each([
    ['absent: leave the field as it is', undefined, undefined],
    ['an empty string: remove it', '', null],
    ['a value: set it', 'a note', 'a note'],
  ])('removable reads %s', (_why, value, expected) => {
    expect(removable(value)).toBe(expected);
  });

  describe('money', () => {
    it('reads int64 as gRPC delivers it (a string) and as it is in process (a number)', () => {
      expect(moneyOfMessage({ amount: '128000', currency: 'CNY' })).toEqual({
        amount: 128000,
        currency: 'CNY',
      });
      expect(moneyOfMessage({ amount: '-5', currency: 'CNY' })).toEqual({ amount: -5, currency: 'CNY' });
      expect(moneyOfMessage({ amount: 0, currency: 'EUR' })).toEqual({ amount: 0, currency: 'EUR' });
      expect(moneyOfMessage({ amount: '9007199254740991', currency: 'CNY' }).amount).toBe(
        Number.MAX_SAFE_INTEGER,
      );
    });

    it('makes anything but a whole, safe number of minor units NaN, for the rules to refuse (never 0)', () => {
      for (const amount of [
        undefined,
        '',
        '1.5',
        '12a',
        ' 7',
        '9007199254740993',
        '99999999999999999',
        1.5,
        Infinity,
      ])
        expect(moneyOfMessage({ amount, currency: 'CNY' }).amount).toBeNaN();
      expect(moneyOfMessage({}).currency).toBe('');
    });

    it('leaves an absent optional money field absent', () => {
      expect(optionalMoney(undefined)).toBeUndefined();
      expect(optionalMoney({ amount: '1', currency: 'CNY' })).toEqual({ amount: 1, currency: 'CNY' });
    });
  });
});
