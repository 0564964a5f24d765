import type { Event } from '@serviceops/kernel';
import type { PoolClient } from 'pg';
import { entry, type TenantState } from '../domain/tenant/tenant.state';
import { saveAccount } from '../infrastructure/accounts.repository';
import { saveTenant } from '../infrastructure/tenants.repository';

/** The users these events name: a tenant with thousands of users pays only for the ones an append touched. */
export function usersTouchedBy(events: readonly Event[]): ReadonlySet<string> {
  return new Set(
    events.flatMap((e) => {
      const userId = (e.data as { userId?: unknown }).userId;
      return typeof userId === 'string' ? [userId] : [];
    }),
  );
}

/**
 * Keeps the login lookup (accounts) and the tenant list in step with the stream, in the append's transaction:
 * login must see a user the moment it is registered.
 */
export async function projectAccounts(
  tx: PoolClient,
  state: unknown,
  version: number,
  events: readonly Event[],
): Promise<void> {
  const tenant = state as TenantState;
  if (tenant.status !== 'active') return;
  await saveTenant(tx, {
    tenantId: tenant.tenantId,
    name: tenant.name,
    version,
    disabled: tenant.disabledAt !== undefined,
    timeZone: tenant.calendar.timeZone,
  });
  for (const userId of usersTouchedBy(events)) {
    const user = entry(tenant.users, userId);
    if (!user) continue;
    await saveAccount(tx, {
      userId,
      tenantId: tenant.tenantId,
      username: user.username,
      roles: user.roles,
      disabled: user.disabled,
    });
  }
}
