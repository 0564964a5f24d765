import type { INestApplication } from '@nestjs/common';
import { bootOnOwnDatabase, handlerOf, type BootedService } from '@serviceops/platform/testing';
import { Pool } from 'pg';
import type { InvitationsHandlers } from '../src/application/invitations.handlers';
import type { ProvisioningHandlers } from '../src/application/provisioning.handlers';
import type { StaffLinksHandlers } from '../src/application/staff-links.handlers';
import type { UsersHandlers } from '../src/application/users.handlers';
import { tenancyService } from '../src/tenancy.service-definition';

// What the tenancy integration specs share: the service booted on a database of its own for the spec's tests, with
// the admin and operator the first start makes, and a pool on that database.

/** The first admin's password at the first start (the tenant's `admin`). */
const ADMIN_PASSWORD = 'a-Long-admin-pass-1';

export interface TenancyOnOwnDatabase {
  /** The running service's Nest application (its handlers, repositories, processes). */
  readonly app: INestApplication;
  /** A pool on the service's database. */
  readonly pool: Pool;
  readonly databaseUrl: string;
}

/**
 * Boots tenancy on a fresh database before the spec's tests (with `env` on top of the two first passwords) and
 * stops it, dropping the database, after them. What it answers is readable once the tests run.
 */
export function tenancyOnOwnDatabase(
  name: string,
  env: Readonly<Record<string, string>> = {},
  poolSize = 2,
): TenancyOnOwnDatabase {
  let booted: BootedService | undefined;
  let pool: Pool | undefined;
  beforeAll(async () => {
    booted = await bootOnOwnDatabase(name, tenancyService, {
      ADMIN_PASSWORD,
      PLATFORM_OPERATOR_PASSWORD: 'a-Long-operator-pass-1',
      ...env,
    });
    pool = new Pool({ connectionString: booted.databaseUrl, max: poolSize });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await booted?.stop();
  });
  const up = (): BootedService => {
    if (!booted) throw new Error(`${name}: tenancy is not booted (read it inside a test)`);
    return booted;
  };
  return {
    get app() {
      return up().running.app;
    },
    get pool() {
      up();
      return pool as Pool;
    },
    get databaseUrl() {
      return up().databaseUrl;
    },
  };
}

type Answer<M> = M extends (...args: never[]) => Promise<infer A> ? A : never;

/**
 * The declared methods bound to their use case (`@HandlesUseCase`), called as the gRPC controller calls them (the
 * request as decoded, and the caller), answering as the method does.
 */
export const registerUser = (users: UsersHandlers) =>
  handlerOf<Answer<UsersHandlers['registerUser']>>(users, 'tenancy.RegisterUser');
export const setUserPassword = (users: UsersHandlers) =>
  handlerOf<Answer<UsersHandlers['setUserPassword']>>(users, 'tenancy.SetUserPassword');
export const createTenant = (provisioning: ProvisioningHandlers) =>
  handlerOf<Answer<ProvisioningHandlers['createTenant']>>(provisioning, 'tenancy.CreateTenant');
export const issueUserInvitation = (invitations: InvitationsHandlers) =>
  handlerOf<Answer<InvitationsHandlers['issueUserInvitation']>>(invitations, 'tenancy.IssueUserInvitation');
export const linkUserToStaff = (links: StaffLinksHandlers) =>
  handlerOf<Answer<StaffLinksHandlers['linkUserToStaff']>>(links, 'tenancy.LinkUserToStaff');
