import { createHash } from 'node:crypto';
import { problemOfGrpcError, ProblemError } from '@serviceops/platform';
import { ProblemResponse } from '../errors/problems';
import { admit, afterFailure, afterSuccess, type LoginPolicy } from './login-attempts';
import type { LoginAttemptsStore } from './login-attempts.store';

export interface LoginAttempt {
  readonly username: string;
  readonly tenantId?: string;
  /** The client's address (REST: the IP Express trusts; gRPC: the peer). */
  readonly client: string;
}

export interface LoginPolicies {
  /** Per account (tenant + username): small, and a success resets it. */
  readonly account: LoginPolicy;
  /** Per client: larger (many users behind one NAT), and only time resets it. */
  readonly client: LoginPolicy;
}

/**
 * Brute force is slowed per account and per client: while either is locked a login is refused before the
 * password is checked (a correct one too), with `AUTH.TOO_MANY_ATTEMPTS` and when to retry. A wrong password
 * counts against both; a correct one clears the account. Only a refused password counts: a backend that
 * could not be reached is no failure of the caller's.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LoginAttemptsStore,
    private readonly policies: LoginPolicies,
    private readonly clock: () => number = Date.now,
  ) {}

  async attempt<T>(login: LoginAttempt, authenticate: () => Promise<T>): Promise<T> {
    const account = keyOf('account', `${login.tenantId ?? '*'}:${login.username.toLowerCase()}`);
    const client = keyOf('client', login.client);
    const now = this.clock();
    const refused = (await this.store.read([account, client]))
      .map((attempts) => admit(attempts, now))
      .flatMap((admission) => (admission.admitted ? [] : [admission.retryAfterMs]));
    if (refused.length > 0) throw tooManyAttempts(Math.max(...refused));
    try {
      const user = await authenticate();
      await this.store.update(account, afterSuccess);
      return user;
    } catch (error) {
      if (REFUSED_CREDENTIALS.has(codeOfFailure(error))) {
        const at = this.clock();
        await this.store.update(account, (a) => afterFailure(a, at, this.policies.account));
        await this.store.update(client, (a) => afterFailure(a, at, this.policies.client));
      }
      throw error;
    }
  }
}

/** A refused password, a refused activation token or refresh token: what counts as a failure. */
const REFUSED_CREDENTIALS: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'TENANCY.INVITATION_INVALID',
  'TENANCY.REFRESH_INVALID',
]);

/**
 * An activation counted like a login: the "account" is the invitation the token names (its id, before the dot),
 * so guessing one invitation's secret is locked as guessing one user's password is, and the client as ever.
 */
export function activationAttempt(token: string, client: string): LoginAttempt {
  return { username: `activation:${token.slice(0, token.indexOf('.'))}`, client };
}

/**
 * A refresh counted like a login. A refresh token names no account the caller may know, and its owner never
 * tries it twice: the "account" is the token itself (so a lock never reaches other sessions) and the client's
 * count is what slows a guesser.
 */
export function refreshAttempt(refreshToken: string, client: string): LoginAttempt {
  return { username: `refresh:${refreshToken}`, client };
}

export function tooManyAttempts(retryAfterMs: number): ProblemError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ProblemError(
    'AUTH.TOO_MANY_ATTEMPTS',
    `too many failed logins; try again in ${retryAfter} s`,
    undefined,
    { retryAfter },
  );
}

/** A hash, so the table keeps no username or address in clear. */
function keyOf(kind: 'account' | 'client', value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('hex');
}

/** tenancy's refusal, as REST's upstream call (a problem) or gRPC's (an error carrying one) raises it. */
function codeOfFailure(error: unknown): string {
  return error instanceof ProblemResponse ? error.problem.code : problemOfGrpcError(error).code;
}
