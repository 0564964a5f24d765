import { newId } from '@serviceops/kernel';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { BUSINESS_LINES } from '../domain/business-lines';
import { generatePassword, hashPassword } from '../infrastructure/passwords';
import type { TenantCommands } from './tenant-commands';
import type { TenantQueries } from './tenant-queries';

/**
 * On the very first start, one tenant with every business line, a head-office branch and an `admin` user.
 * The admin password is ADMIN_PASSWORD, or one generated here and shown once on stdout (never logged again,
 * never stored in clear). Replicas starting together take turns (advisory lock), so it happens once.
 */
export async function createFirstTenant(
  deps: { pool: Pool; commands: TenantCommands; queries: TenantQueries; logger: Logger },
  options: { tenantName: string; adminPassword?: string },
): Promise<void> {
  const lock = await deps.pool.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('tenancy:first-start'))`);
    if (await deps.queries.anyTenantExists()) return;
    const tenantId = newId();
    const adminId = newId();
    const call = { tenantId, actorId: adminId, roles: ['admin'], correlationId: newId() };
    await deps.commands.run(call, tenantId, {
      type: 'CreateTenant',
      data: { tenantId, name: options.tenantName },
    });
    for (const line of BUSINESS_LINES)
      await deps.commands.run(call, tenantId, { type: 'EnableBusinessLine', data: { tenantId, line } });
    await deps.commands.run(call, tenantId, {
      type: 'AddBranch',
      data: { tenantId, branchId: newId(), name: 'Head office', businessLines: [...BUSINESS_LINES] },
    });
    const password = options.adminPassword ?? generatePassword();
    await deps.commands.run(
      call,
      tenantId,
      {
        type: 'RegisterUser',
        data: {
          tenantId,
          userId: adminId,
          username: 'admin',
          displayName: 'Administrator',
          roles: ['admin'],
        },
      },
      undefined,
      { userId: adminId, passwordHash: await hashPassword(password) },
    );
    deps.logger.info({ tenantId, adminUserId: adminId }, 'first start: tenant and admin user created');
    if (!options.adminPassword) {
      // The one place a secret is printed: the operator needs it once to log in.
      process.stdout.write(
        `${JSON.stringify({ level: 'warn', service: 'tenancy', msg: 'admin password generated (shown once)', tenantId, adminUsername: 'admin', adminPassword: password })}\n`,
      );
    }
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('tenancy:first-start'))`).catch(() => undefined);
    lock.release();
  }
}
