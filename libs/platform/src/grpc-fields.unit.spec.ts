import { optional, removable } from './grpc-fields';

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
});
