import { clientAddress } from './rate-limit';

describe('client address', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['ipv4:127.0.0.1:5123', '127.0.0.1'],
    ['127.0.0.1:5123', '127.0.0.1'],
    ['ipv6:[::1]:5123', '::1'],
    ['[::1]:5123', '::1'],
    ['::1', '::1'],
    ['2001:db8::7', '2001:db8::7'],
    [undefined, 'unknown'],
  ])('reads %s as %s', (address, expected) => {
    expect(clientAddress(address)).toBe(expected);
  });
});
