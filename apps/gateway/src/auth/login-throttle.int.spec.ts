import { ProblemError } from '@serviceops/platform';
import { databaseUrl, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import { LoginAttemptsStore } from './login-attempts.store';
import { LoginThrottle } from './login-throttle';

const pool = new Pool({ connectionString: databaseUrl(), max: 4 });
afterAll(() => pool.end());

const MINUTE = 60_000;
const policy = (maxFailures: number) => ({
  maxFailures,
  windowMs: 15 * MINUTE,
  lockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
});

/** Two gateway replicas on one table, with a clock the test moves. */
async function replicas() {
  const store = new LoginAttemptsStore(pool, uniqueName('logins'));
  await store.migrate();
  const clock = { now: 1_000_000 };
  const policies = { account: policy(5), client: policy(8) };
  const replica = () => new LoginThrottle(store, policies, () => clock.now);
  return { a: replica(), b: replica(), clock };
}

const refused = (): Promise<never> => Promise.reject(new ProblemError('UNAUTHENTICATED', 'wrong password'));
const accepted = (): Promise<string> => Promise.resolve('user');

async function outcome(throttle: LoginThrottle, login: Parameters<LoginThrottle['attempt']>[0], ok: boolean) {
  try {
    return await throttle.attempt(login, ok ? accepted : refused);
  } catch (error) {
    return error instanceof ProblemError ? `${error.code} ${JSON.stringify(error.extensions)}` : error;
  }
}

describe('logins throttled on PostgreSQL', () => {
  const alice = { username: 'alice', tenantId: 't1', client: '10.0.0.1' };

  it('locks an account after 5 failures across replicas, even for the right password, then lets it in', async () => {
    const { a, b, clock } = await replicas();
    for (let i = 0; i < 4; i++) await outcome(i % 2 ? a : b, alice, false);
    expect(await outcome(a, alice, false)).toBe('UNAUTHENTICATED {}'); // the fifth is still checked
    expect(await outcome(b, alice, true)).toBe('AUTH.TOO_MANY_ATTEMPTS {"retryAfter":60}');
    clock.now += 30_000;
    expect(await outcome(a, { ...alice, client: '10.0.0.2' }, true)).toBe(
      'AUTH.TOO_MANY_ATTEMPTS {"retryAfter":30}',
    );
    clock.now += 30_000;
    expect(await outcome(b, alice, true)).toBe('user');
  });

  it('treats the username without regard to case, and another tenant’s namesake apart', async () => {
    const { a } = await replicas();
    for (let i = 0; i < 5; i++) await outcome(a, { ...alice, username: i % 2 ? 'ALICE' : 'alice' }, false);
    expect(await outcome(a, alice, true)).toMatch(/^AUTH.TOO_MANY_ATTEMPTS/);
    expect(await outcome(a, { ...alice, tenantId: 't2' }, true)).toBe('user');
  });

  it('resets an account’s failures after a success', async () => {
    const { a } = await replicas();
    for (let i = 0; i < 4; i++) await outcome(a, alice, false);
    expect(await outcome(a, alice, true)).toBe('user');
    const elsewhere = { ...alice, client: '10.0.0.3' }; // the first client's own budget is nearly spent
    for (let i = 0; i < 4; i++) await outcome(a, elsewhere, false);
    expect(await outcome(a, elsewhere, true)).toBe('user');
  });

  it('locks a client after its larger budget, whichever accounts it tries, and successes do not reset it', async () => {
    const { a } = await replicas();
    for (let i = 0; i < 7; i++) await outcome(a, { ...alice, username: `user-${i}` }, false);
    expect(await outcome(a, { ...alice, username: 'bob' }, true)).toBe('user');
    await outcome(a, { ...alice, username: 'user-7' }, false);
    expect(await outcome(a, { ...alice, username: 'carol' }, true)).toMatch(/^AUTH.TOO_MANY_ATTEMPTS/);
    expect(await outcome(a, { ...alice, username: 'carol', client: '10.0.0.9' }, true)).toBe('user');
  });

  it('does not count a failure that is not a refused password', async () => {
    const { a } = await replicas();
    const down = () => Promise.reject(new ProblemError('UNAVAILABLE', 'tenancy is down'));
    for (let i = 0; i < 6; i++) await a.attempt(alice, down).catch(() => undefined);
    expect(await outcome(a, alice, true)).toBe('user');
  });
});
