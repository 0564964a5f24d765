import { tenancyConfigSpec } from '@serviceops/contracts';
import { ConfigError, loadConfig } from '@serviceops/platform';

// REFRESH_TOKEN_TTL_HOURS: how long a sign-in's refresh tokens work, 336 h (two weeks) unless configured, 1–720.

const env = {
  DATABASE_URL: 'postgres://x/y',
  INTERNAL_TOKEN_PUBLIC_KEYS: 'key',
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};
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

// REFRESH_PURGE_INTERVAL_MINUTES: the pause between two purges of expired sign-ins, 60 unless configured, 1–1440.
describe('the purge period of expired sign-ins', () => {
  const period = (minutes?: string) =>
    loadConfig(
      tenancyConfigSpec,
      minutes === undefined ? env : { ...env, REFRESH_PURGE_INTERVAL_MINUTES: minutes },
    ).REFRESH_PURGE_INTERVAL_MINUTES;

  it('is an hour unless configured, and takes 1 to 1440 minutes', () => {
    expect(period()).toBe(60);
    expect(period('1')).toBe(1);
    expect(period('1440')).toBe(1440);
  });

  it.each([
    ['0', 'REFRESH_PURGE_INTERVAL_MINUTES must be ≥ 1, got 0'],
    ['1441', 'REFRESH_PURGE_INTERVAL_MINUTES must be ≤ 1440, got 1441'],
    ['hourly', 'integer'],
  ])('refuses %s at startup, saying why', (raw, why) => {
    expect(() => period(raw)).toThrow(why);
  });
});
