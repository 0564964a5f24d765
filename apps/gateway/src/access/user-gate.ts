import { ON_BEHALF_ACTORS } from '@serviceops/contracts';
import { ProblemError, type CallContext } from '@serviceops/platform';
import type { AccessClaims } from './jwt';

/**
 * How long a user's status is trusted before it is asked again, by default (USER_STATUS_TTL_MS in the gateway's
 * configuration): a backstop, since tenancy's events about the user make every gateway forget it at once
 * (UserChanges).
 */
export const USER_STATUS_TTL_MS = 5_000;
/** How long a known status still serves when tenancy cannot answer. */
export const USER_STATUS_STALE_MS = 60_000;

interface Known {
  /** Absent: no such user in the tenant. */
  readonly user?: { readonly tokenVersion: number; readonly disabled: boolean };
  readonly at: number;
}

/**
 * Asks tenancy for a user of the caller's tenant: the caller themself (GetMe) or another (GetUser); undefined
 * when tenancy knows no such user there.
 */
export type AskUser = (userId: string, caller: CallContext) => Promise<unknown>;

/**
 * Users' rights end the moment tenancy cuts them: every authenticated call (REST and the public gRPC API) is
 * checked against its user's token version and status in tenancy, asked at most once per USER_STATUS_TTL_MS
 * per user, at once on this gateway after it changed that user's roles or disabled them, and at once on every
 * gateway after tenancy's event about the user (UserChanges). The same status decides whom X-On-Behalf-Of may name.
 */
export class UserGate {
  private readonly known = new Map<string, Known>();
  private readonly asking = new Map<string, Promise<Known>>();

  constructor(
    private readonly ask: AskUser,
    private readonly ttlMs = USER_STATUS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses (401 AUTH.TOKEN_REVOKED) a token issued before its user's last role change, or of a disabled user. */
  async assertCurrent(claims: AccessClaims, caller: CallContext): Promise<void> {
    // An external issuer's user has no account here: their issuer revokes them (its tokens are short-lived).
    if (claims.external) return;
    const { user } = await this.statusOf(claims.sub, caller);
    if (!user || user.disabled || user.tokenVersion !== (claims.ver ?? 0))
      throw new ProblemError(
        'AUTH.TOKEN_REVOKED',
        'this token was revoked (your roles changed or your account was disabled): sign in again',
      );
  }

  /**
   * X-On-Behalf-Of is taken only from a role that may act for others (ON_BEHALF_ACTORS), and only for an
   * active user of the caller's own tenant; anything else is 403 ACCESS.ON_BEHALF_OF_REFUSED.
   */
  async assertMayActFor(caller: CallContext): Promise<void> {
    const { onBehalfOf } = caller;
    if (onBehalfOf === undefined) return;
    const actors: readonly string[] = ON_BEHALF_ACTORS;
    if (!caller.roles.some((role) => actors.includes(role)))
      throw refused(`acting on behalf of others needs one of the roles: ${ON_BEHALF_ACTORS.join(', ')}`);
    const { user } = await this.statusOf(onBehalfOf, caller);
    if (!user || user.disabled) throw refused('X-On-Behalf-Of names no active user of your tenant');
  }

  /**
   * What this gateway just did (ChangeUserRoles / SetUserPassword / DisableUser): the next call asks tenancy again.
   * A look-up already in flight may carry the status from before the change: the calls waiting on it get it (they
   * were concurrent with the change), but it is neither kept nor shared with a later call.
   */
  forget(tenantId: string, userId: string): void {
    const key = keyOf(tenantId, userId);
    this.known.delete(key);
    this.asking.delete(key);
  }

  /**
   * Tenancy changed this user (its event, as any gateway relays it: access/user-changes.ts): forgotten in every
   * tenant, as `forget` does. User ids are UUIDs, so no other user is touched.
   */
  forgetUser(userId: string): void {
    const suffix = `/${userId}`;
    for (const key of [...this.known.keys(), ...this.asking.keys()])
      if (key.endsWith(suffix)) {
        this.known.delete(key);
        this.asking.delete(key);
      }
  }

  /** Every status forgotten (the relay of changes was interrupted: what changed meanwhile is unknown). */
  forgetAll(): void {
    this.known.clear();
    this.asking.clear();
  }

  private async statusOf(userId: string, caller: CallContext): Promise<Known> {
    const key = keyOf(caller.tenantId, userId);
    const known = this.known.get(key);
    if (known && this.now() - known.at < this.ttlMs) return known;
    let asking = this.asking.get(key);
    if (!asking) {
      // Kept only while still the key's look-up: `forget` meanwhile leaves its answer to its own callers.
      const current = (): boolean => this.asking.get(key) === asking;
      asking = this.lookUp(userId, caller)
        .then((answer) => {
          if (current()) this.known.set(key, answer);
          return answer;
        })
        .finally(() => {
          if (current()) this.asking.delete(key);
        });
      this.asking.set(key, asking);
    }
    try {
      return await asking;
    } catch (error) {
      // Tenancy unreachable for a moment: a recent answer still holds; without one the call is refused.
      if (known && this.now() - known.at < USER_STATUS_STALE_MS) return known;
      throw error;
    }
  }

  private async lookUp(userId: string, caller: CallContext): Promise<Known> {
    // The caller's identity, not their request: the look-up is no part of an idempotent command.
    const { idempotencyKey: _request, onBehalfOf: _for, ...identity } = caller;
    const user = (await this.ask(userId, identity)) as
      { tokenVersion?: unknown; disabled?: unknown } | undefined;
    const tokenVersion = typeof user?.tokenVersion === 'number' ? user.tokenVersion : 0;
    return user
      ? { user: { tokenVersion, disabled: user.disabled === true }, at: this.now() }
      : { at: this.now() };
  }
}

function keyOf(tenantId: string, userId: string): string {
  return `${tenantId}/${userId}`;
}

function refused(why: string): ProblemError {
  return new ProblemError('ACCESS.ON_BEHALF_OF_REFUSED', why);
}
