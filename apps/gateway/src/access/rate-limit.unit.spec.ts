import { createHash } from 'node:crypto';
import { clientAddress, keyOf } from './rate-limit';

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

describe('a budget key', () => {
  it('is the SHA-256 of the throttler and the client, the same each time it is asked', () => {
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
    for (let i = 0; i < 3; i++) {
      expect(keyOf('default', 'user:t1:u1')).toBe(sha('default:user:t1:u1'));
      expect(keyOf('default', 'ip:127.0.0.1')).toBe(sha('default:ip:127.0.0.1'));
    }
    expect(keyOf('default', 'user:t1:u2')).not.toBe(keyOf('default', 'user:t1:u1'));
  });
});
