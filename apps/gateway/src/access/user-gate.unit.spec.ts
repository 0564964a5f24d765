import type { CallContext, ProblemError } from '@serviceops/platform';
import type { AccessClaims } from './jwt';
import { UserGate } from './user-gate';

const TENANT = 't-1';
const caller = (over: Partial<CallContext> = {}): CallContext => ({
  tenantId: TENANT,
  actorId: 'u-legal',
  roles: ['legal'],
  correlationId: 'c-1',
  ...over,
});
const claims = (ver?: number): AccessClaims => ({
  sub: 'u-legal',
  tid: TENANT,
  roles: ['legal'],
  name: 'lee',
  ...(ver === undefined ? {} : { ver }),
  iat: 0,
  exp: 1,
  iss: 'serviceops',
});

interface User {
  tokenVersion?: number;
  disabled?: boolean;
}

function gateOver(users: Record<string, User>) {
  let now = 0;
  const asked: string[] = [];
  const gate = new UserGate(
    (userId) => {
      asked.push(userId);
      const user = users[userId];
      return Promise.resolve(user);
    },
    5_000,
    () => now,
  );
  return { gate, asked, later: (ms: number) => (now += ms) };
}

const codeOf = async (check: Promise<void>): Promise<string | undefined> =>
  check.then(
    () => undefined,
    (error: unknown) => (error as ProblemError).code,
  );

describe('UserGate: token revocation', () => {
  it('lets a token through while its version is the user’s (absent on both sides reads as 0)', async () => {
    const { gate } = gateOver({ 'u-legal': {} });
    expect(await codeOf(gate.assertCurrent(claims(), caller()))).toBeUndefined();
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBeUndefined();
  });

  it.each([
    ['its roles changed since', { tokenVersion: 1 }],
    ['the user is disabled', { tokenVersion: 1, disabled: true }],
  ])('refuses a token once %s: AUTH.TOKEN_REVOKED', async (_why, user) => {
    const { gate } = gateOver({ 'u-legal': user });
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBe('AUTH.TOKEN_REVOKED');
  });

  it('refuses the token of a user tenancy does not know', async () => {
    const { gate } = gateOver({});
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBe('AUTH.TOKEN_REVOKED');
  });

  it('asks tenancy once per TTL, and again at once after this gateway changed the user', async () => {
    const users: Record<string, User> = { 'u-legal': {} };
    const { gate, asked, later } = gateOver(users);
    await gate.assertCurrent(claims(0), caller());
    later(4_000);
    await gate.assertCurrent(claims(0), caller());
    expect(asked).toHaveLength(1);
    users['u-legal'] = { tokenVersion: 1 };
    gate.forget(TENANT, 'u-legal');
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBe('AUTH.TOKEN_REVOKED');
    expect(asked).toHaveLength(2);
  });
});

describe('UserGate: a change tenancy published (any gateway relays it)', () => {
  it('forgets the user in every tenant, and only that user: their next call asks tenancy again', async () => {
    const users: Record<string, User> = { 'u-legal': {}, 'u-other': {} };
    const { gate, asked } = gateOver(users);
    const other: AccessClaims = { ...claims(0), sub: 'u-other' };
    await gate.assertCurrent(claims(0), caller());
    await gate.assertCurrent(claims(0), caller({ tenantId: 't-2' }));
    await gate.assertCurrent(other, caller());
    users['u-legal'] = { disabled: true };
    gate.forgetUser('u-legal');
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBe('AUTH.TOKEN_REVOKED');
    expect(await codeOf(gate.assertCurrent(claims(0), caller({ tenantId: 't-2' })))).toBe(
      'AUTH.TOKEN_REVOKED',
    );
    expect(await codeOf(gate.assertCurrent(other, caller()))).toBeUndefined();
    expect(asked).toEqual(['u-legal', 'u-legal', 'u-other', 'u-legal', 'u-legal']);
  });

  it('forgets everyone when the relay was interrupted', async () => {
    const { gate, asked } = gateOver({ 'u-legal': {} });
    await gate.assertCurrent(claims(0), caller());
    gate.forgetAll();
    await gate.assertCurrent(claims(0), caller());
    expect(asked).toEqual(['u-legal', 'u-legal']);
  });
});

describe('UserGate: a change this gateway made, while a look-up is in flight', () => {
  it('neither keeps nor shares the status from before the change: the next call asks again and is refused', async () => {
    // Tenancy answers each look-up when told to, with the user as they were when it was asked.
    let version = 0;
    const pending: Array<() => void> = [];
    const asked: number[] = [];
    const gate = new UserGate((_userId) => {
      const seen = version;
      asked.push(seen);
      return new Promise((resolve) => pending.push(() => resolve({ tokenVersion: seen })));
    });

    const concurrent = codeOf(gate.assertCurrent(claims(0), caller()));
    version = 1; // the admin demotes the user through this gateway…
    gate.forget(TENANT, 'u-legal'); // …which relays the change and forgets what it knew

    const next = codeOf(gate.assertCurrent(claims(0), caller()));
    expect(asked).toEqual([0, 1]); // not joined to the look-up begun before the change
    pending.forEach((answer) => answer());
    expect(await concurrent).toBeUndefined(); // it overlapped the change: it had the status from before
    expect(await next).toBe('AUTH.TOKEN_REVOKED');
    // And later calls within the TTL use the answer after the change, never the one from before it.
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBe('AUTH.TOKEN_REVOKED');
    expect(asked).toEqual([0, 1]);
  });

  it('keeps no status from before the change even when that look-up answers last', async () => {
    let version = 0;
    const pending: Array<() => void> = [];
    const gate = new UserGate((_userId) => {
      const seen = version;
      return new Promise((resolve) => pending.push(() => resolve({ tokenVersion: seen })));
    });
    const before = gate.assertCurrent(claims(0), caller());
    version = 1;
    gate.forget(TENANT, 'u-legal');
    const after = codeOf(gate.assertCurrent(claims(0), caller()));
    expect(pending).toHaveLength(2); // a look-up of its own
    pending[1]?.(); // the look-up after the change answers first…
    expect(await after).toBe('AUTH.TOKEN_REVOKED');
    pending[0]?.(); // …then the one from before it
    await before;
    expect(await codeOf(gate.assertCurrent(claims(0), caller()))).toBe('AUTH.TOKEN_REVOKED');
    expect(pending).toHaveLength(2); // answered from the status after the change, kept
  });
});

describe('UserGate: X-On-Behalf-Of', () => {
  const users = { 'u-boss': {}, 'u-gone': { disabled: true } };

  it('takes it from a role allowed to act for others, for an active user of the tenant', async () => {
    const { gate } = gateOver(users);
    const agent = caller({ roles: ['customer_service_agent'], onBehalfOf: 'u-boss' });
    expect(await codeOf(gate.assertMayActFor(agent))).toBeUndefined();
  });

  it.each([
    ['the caller’s roles may not act for others', ['technician'], 'u-boss'],
    ['the user does not exist (or is in another tenant)', ['admin'], 'u-nobody'],
    ['the user is disabled', ['admin'], 'u-gone'],
  ])('refuses it when %s: 403 ACCESS.ON_BEHALF_OF_REFUSED', async (_why, roles, onBehalfOf) => {
    const { gate } = gateOver(users);
    expect(await codeOf(gate.assertMayActFor(caller({ roles, onBehalfOf })))).toBe(
      'ACCESS.ON_BEHALF_OF_REFUSED',
    );
  });
});
