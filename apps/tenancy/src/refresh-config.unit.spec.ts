import { tenancyConfigSpec } from '@serviceops/contracts';
import { ConfigError, loadConfig } from '@serviceops/platform';

// REFRESH_TOKEN_TTL_HOURS: how long a sign-in's refresh tokens work, 336 h (two weeks) unless configured, 1–720.

const env = { DATABASE_URL: 'postgres://x/y', INTERNAL_TOKEN_PUBLIC_KEYS: 'key' };
const load = (hours?: string) =>
  loadConfig(tenancyConfigSpec, hours === undefined ? env : { ...env, REFRESH_TOKEN_TTL_HOURS: hours });

describe('the refresh token lifetime', () => {
  it('is 336 hours unless configured', () => {
    expect(load().REFRESH_TOKEN_TTL_HOURS).toBe(336);
  });

  it.each([
    ['1', 1],
    ['720', 720],
  ])('takes %s hours', (raw, hours) => {
    expect(load(raw).REFRESH_TOKEN_TTL_HOURS).toBe(hours);
  });

  it.each([
    ['0', 'REFRESH_TOKEN_TTL_HOURS must be ≥ 1, got 0'],
    ['721', 'REFRESH_TOKEN_TTL_HOURS must be ≤ 720, got 721'],
    ['two weeks', 'integer'],
  ])('refuses %s at startup, saying why', (raw, why) => {
    expect(() => load(raw)).toThrow(ConfigError);
    expect(() => load(raw)).toThrow(why);
  });
});
