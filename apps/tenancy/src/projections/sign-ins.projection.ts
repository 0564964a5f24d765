import type { Event } from '@serviceops/kernel';
import type { PoolClient } from 'pg';
import { outdatedFamilyVerdict } from '../domain/refresh/refresh.rules';
import { entry, type TenantState } from '../domain/tenant/tenant.state';
import { endOutdatedFamilies } from '../infrastructure/refresh-tokens';
import { usersTouchedBy } from './accounts.projection';

/**
 * Ends the refresh families of every user these events left at another token version than their sign-in's
 * (roles changed, password set, disabled), in the append's transaction: a cut takes their refresh tokens at once,
 * not at their next refresh. The version is the stream's (evolve), so no list of events to keep in step here.
 */
export async function endOutdatedSignIns(
  tx: PoolClient,
  state: unknown,
  events: readonly Event[],
  now: Date,
): Promise<void> {
  const tenant = state as TenantState;
  if (tenant.status !== 'active') return;
  for (const userId of usersTouchedBy(events)) {
    const user = entry(tenant.users, userId);
    if (!user) continue;
    const current = { tenantId: tenant.tenantId, userId, tokenVersion: user.tokenVersion };
    await endOutdatedFamilies(tx, current, now, outdatedFamilyVerdict(user));
  }
}
