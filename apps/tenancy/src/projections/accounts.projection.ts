import type { Event } from '@serviceops/kernel';
import type { PoolClient } from 'pg';
import { entry, type TenantState } from '../domain/tenant/tenant.state';
import { saveAccount } from '../infrastructure/accounts.repository';
import { saveTenant } from '../infrastructure/tenants.repository';

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
  // Only the users these events touched: a tenant with thousands of users pays for one.
  const touched = new Set(
    events.flatMap((e) => {
      const userId = (e.data as { userId?: unknown }).userId;
      return typeof userId === 'string' ? [userId] : [];
    }),
  );
  for (const userId of touched) {
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
