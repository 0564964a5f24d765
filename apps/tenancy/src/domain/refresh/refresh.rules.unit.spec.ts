import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { ActiveTenant, TenantUser } from '../tenant/tenant.state';
import {
  outdatedFamilyVerdict,
  refreshExpiry,
  refreshVerdict,
  revokesFamily,
  type PresentedRefresh,
  type RefreshFamily,
  type RefreshVerdict,
} from './refresh.rules';

// Refresh tokens (issue 11 item 3): a sign-in's family of rotating tokens, ending at a fixed time from the
// sign-in; a used token shown again ends the family; the user's state at the refresh decides as well.

const T = '11111111-1111-4111-8111-111111111111';
const U = '22222222-2222-4222-8222-222222222222';
const HOUR = 3_600_000;
const signedInAt = new Date('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(signedInAt.getTime() + ms);

const user: TenantUser = {
  username: 'wang',
  displayName: 'Wang',
  roles: ['admin'],
  disabled: false,
  tokenVersion: 2,
};
const tenantWith = (u: Partial<TenantUser> = {}, t: Partial<ActiveTenant> = {}): ActiveTenant => ({
  status: 'active',
  tenantId: T,
  name: 'Acme',
  calendar: defaultBusinessCalendar,
  branches: {},
  businessLines: [],
  users: { [U]: { ...user, ...u } },
  ...t,
});
const family: RefreshFamily = {
  familyId: 'f1',
  tenantId: T,
  userId: U,
  tokenVersion: 2,
  expiresAt: refreshExpiry(signedInAt, 336),
};
const presented = (f: Partial<RefreshFamily> = {}, usedAt?: Date): PresentedRefresh => ({
  family: { ...family, ...f },
  ...(usedAt ? { usedAt } : {}),
});

describe('refresh tokens as rules', () => {
  it('expire a fixed time after the sign-in: 336 h by default, the hours configured', () => {
    expect(refreshExpiry(signedInAt, 336).toISOString()).toBe('2026-03-16T01:00:00.000Z');
    expect(refreshExpiry(signedInAt, 1).getTime() - signedInAt.getTime()).toBe(HOUR);
  });

  it('work until the last millisecond of the family and not at its instant, however recently rotated', () => {
    // The family's expiry is the sign-in's: a token rotated a minute before still ends with it.
    expect(refreshVerdict(presented(), tenantWith(), at(336 * HOUR - 1))).toBe('valid');
    expect(refreshVerdict(presented(), tenantWith(), at(336 * HOUR))).toBe('expired');
  });

  it.each<[string, PresentedRefresh | undefined, ActiveTenant | undefined, RefreshVerdict]>([
    ['an unknown token', undefined, tenantWith(), 'unknown'],
    ['a token of a revoked family', presented({ revokedAt: at(HOUR) }), tenantWith(), 'revoked'],
    ['a token used already (reuse)', presented({}, at(HOUR)), tenantWith(), 'reused'],
    ['a user no longer in the tenant', presented(), tenantWith({}, { users: {} }), 'unknown_user'],
    ['a tenant that cannot be read', presented(), undefined, 'unknown_user'],
    ['a disabled user', presented(), tenantWith({ disabled: true }), 'user_disabled'],
    [
      'a disabled tenant',
      presented(),
      tenantWith({}, { disabledAt: at(HOUR).toISOString() }),
      'tenant_disabled',
    ],
    [
      'rights changed since the sign-in',
      presented(),
      tenantWith({ tokenVersion: 3 }),
      'token_version_changed',
    ],
    ['a current user within the family’s life', presented(), tenantWith(), 'valid'],
  ])('%s: %s', (_what, given, tenant, verdict) => {
    expect(refreshVerdict(given, tenant, at(HOUR))).toBe(verdict);
  });

  it('names a revoked family before a reuse, and a reuse before an expiry', () => {
    expect(refreshVerdict(presented({ revokedAt: at(1) }, at(1)), tenantWith(), at(400 * HOUR))).toBe(
      'revoked',
    );
    expect(refreshVerdict(presented({}, at(1)), tenantWith(), at(400 * HOUR))).toBe('reused');
  });

  it.each<[RefreshVerdict, boolean]>([
    ['reused', true],
    ['expired', true],
    ['user_disabled', true],
    ['unknown_user', true],
    ['token_version_changed', true],
    ['valid', false],
    ['unknown', false],
    ['revoked', false],
    ['tenant_disabled', false],
  ])('a %s token ends its whole family: %s', (verdict, ends) => {
    expect(revokesFamily(verdict)).toBe(ends);
  });

  it.each<[string, Partial<TenantUser>, RefreshVerdict]>([
    ['a disabled user', { disabled: true, tokenVersion: 3 }, 'user_disabled'],
    ['a user whose rights changed', { tokenVersion: 3 }, 'token_version_changed'],
  ])(
    'ends at once the older sign-ins of %s, for the reason their next refresh would give',
    (_w, u, verdict) => {
      const now = tenantWith(u).users[U]!;
      expect(outdatedFamilyVerdict(now)).toBe(verdict);
      expect(refreshVerdict(presented(), tenantWith(u), at(HOUR))).toBe(verdict);
      expect(revokesFamily(verdict)).toBe(true);
    },
  );
});
