import { newId } from '@serviceops/kernel';
import type { Logger } from 'pino';
import { BUSINESS_LINES } from '../domain/business-lines';
import { PLATFORM_OPERATOR, PLATFORM_TENANT_ID } from '../domain/roles';
import { generatePassword, hashPassword } from '../infrastructure/passwords';
import type { TenantsRepository } from '../infrastructure/tenants.repository';
import type { TenantStream } from './tenant-stream';

type Deps = { stream: TenantStream; tenants: TenantsRepository; logger: Logger };

/**
 * On the very first start, one tenant with every business line, a head-office branch and an `admin` user; and
 * (on the first start of a version that has it, too) the platform tenant with its `operator`. Each password is
 * ADMIN_PASSWORD / PLATFORM_OPERATOR_PASSWORD, or one generated here and shown once on stdout (never logged
 * again, never stored in clear). Replicas starting together take turns (advisory lock), so it happens once.
 */
export async function createFirstTenant(
  deps: Deps,
  options: { tenantName: string; adminPassword?: string; operatorPassword?: string },
): Promise<void> {
  await deps.tenants.exclusively('tenancy:first-start', async () => {
    if (!(await deps.tenants.anyBusinessTenant())) await createDefaultTenant(deps, options);
    if (!(await deps.tenants.platformExists())) await createPlatform(deps, options.operatorPassword);
  });
}

/** The platform tenant and its first operator: the one account that provisions tenants. */
async function createPlatform(deps: Deps, operatorPassword: string | undefined): Promise<void> {
  const tenantId = PLATFORM_TENANT_ID;
  const operatorId = newId();
  const call = { tenantId, actorId: operatorId, roles: [PLATFORM_OPERATOR], correlationId: newId() };
  const password = operatorPassword ?? generatePassword();
  await deps.stream.execute(
    call,
    {
      type: 'ProvisionPlatform',
      data: {
        tenantId,
        operator: { userId: operatorId, username: OPERATOR_USERNAME, displayName: 'Platform operator' },
      },
    },
    { credential: { userId: operatorId, passwordHash: await hashPassword(password) } },
  );
  deps.logger.info({ operatorUserId: operatorId }, 'first start: platform operator created');
  if (!operatorPassword) {
    // Printed once, like the admin's: whoever runs the platform needs it to provision tenants.
    process.stdout.write(
      `${JSON.stringify({ level: 'warn', service: 'tenancy', msg: 'platform operator password generated (shown once)', operatorUsername: OPERATOR_USERNAME, operatorPassword: password })}\n`,
    );
  }
}

/** The platform operator's username (in the platform tenant, PLATFORM_TENANT_ID). */
export const OPERATOR_USERNAME = 'operator';

async function createDefaultTenant(
  deps: Deps,
  options: { tenantName: string; adminPassword?: string },
): Promise<void> {
  const tenantId = newId();
  const adminId = newId();
  const call = { tenantId, actorId: adminId, roles: ['admin'], correlationId: newId() };
  await deps.stream.execute(call, { type: 'CreateTenant', data: { tenantId, name: options.tenantName } });
  for (const line of BUSINESS_LINES)
    await deps.stream.execute(call, { type: 'EnableBusinessLine', data: { tenantId, line } });
  await deps.stream.execute(call, {
    type: 'AddBranch',
    data: { tenantId, branchId: newId(), name: 'Head office', businessLines: [...BUSINESS_LINES] },
  });
  const password = options.adminPassword ?? generatePassword();
  await deps.stream.execute(
    call,
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
    { credential: { userId: adminId, passwordHash: await hashPassword(password) } },
  );
  deps.logger.info({ tenantId, adminUserId: adminId }, 'first start: tenant and admin user created');
  if (!options.adminPassword) {
    // The one place a secret is printed: the operator needs it once to log in.
    process.stdout.write(
      `${JSON.stringify({ level: 'warn', service: 'tenancy', msg: 'admin password generated (shown once)', tenantId, adminUsername: 'admin', adminPassword: password })}\n`,
    );
  }
}
