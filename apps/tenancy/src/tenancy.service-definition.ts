import { GRPC_SERVICES, PROTO_LOADER_OPTIONS, tenancyConfigSpec } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import { PersonalDataCipher, type ServiceDefinition } from '@serviceops/platform';
import { Pool } from 'pg';
import { createFirstTenant } from './application/first-start';
import { ProvisioningHandlers } from './application/provisioning.handlers';
import { TenantHandlers } from './application/tenant.handlers';
import { RUNTIME, TenantStream } from './application/tenant-stream';
import { UsersHandlers } from './application/users.handlers';
import { UserNames } from './application/user-names';
import { TenancyDataKeys1797000000000, tenancyCipher } from './infrastructure/sealing';
import { INVITATION_SETTINGS, InvitationsHandlers } from './application/invitations.handlers';
import { SessionsHandlers } from './application/sessions.handlers';
import { StaffLinksHandlers } from './application/staff-links.handlers';
import {
  CreateRefreshTokens1796400000000,
  REFRESH_SETTINGS,
  RefreshFamilyRow,
  RefreshTokenRow,
  RefreshTokens,
} from './infrastructure/refresh-tokens';
import { RefreshFamiliesByExpiry1796500000000, RefreshPurge } from './infrastructure/refresh-purge';
import {
  CreateInvitations1780000000000,
  InvitationRow,
  InvitationsRepository,
} from './infrastructure/invitations';
import { AccountsRepository } from './infrastructure/accounts.repository';
import {
  AccountRow,
  CreateAccounts1732300000000,
  CredentialRow,
  TenantLifecycle1767000000000,
  TenantRow,
} from './infrastructure/accounts.entity';
import { TenantsRepository } from './infrastructure/tenants.repository';
import { STAFF_LOGINS_CONSUMER, staffLoginsProcess } from './application/staff-logins.process';
import { STAFF_LEAVERS_CONSUMER, staffLeaversProcess } from './application/staff-leavers.process';
import { staffRolesProcess } from './application/staff-roles.process';
import {
  STAFF_ARRIVAL_WAIT,
  StaffMembers1797100000000,
  StaffMembersRepository,
} from './infrastructure/staff-members';
import { STAFF_MEMBERS_CONSUMER, staffMembersProjection } from './projections/staff-members.projection';

/** One `@Handles` method for each of tenancy's declared methods (libs/contracts tenancy.api.ts). */
export const TENANCY_HANDLERS = [
  TenantHandlers,
  UsersHandlers,
  ProvisioningHandlers,
  InvitationsHandlers,
  SessionsHandlers,
  StaffLinksHandlers,
];

export const tenancyService: ServiceDefinition<typeof tenancyConfigSpec> = {
  name: 'tenancy',
  configSpec: tenancyConfigSpec,
  grpc: {
    package: GRPC_SERVICES.tenancy.package,
    protoPath: GRPC_SERVICES.tenancy.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [AccountRow, CredentialRow, TenantRow, InvitationRow, RefreshFamilyRow, RefreshTokenRow],
    migrations: [
      CreateAccounts1732300000000,
      TenantLifecycle1767000000000,
      CreateInvitations1780000000000,
      CreateRefreshTokens1796400000000,
      RefreshFamiliesByExpiry1796500000000,
      TenancyDataKeys1797000000000,
      StaffMembers1797100000000,
    ],
  },
  publishes: true,
  handlers: TENANCY_HANDLERS,
  module: ({ runtime, pool, config, logger }) => ({
    module: class TenancyModule {},
    providers: [
      { provide: RUNTIME, useValue: runtime },
      { provide: Pool, useValue: pool },
      // Users' display names are sealed with a key of each user's own (decision 53).
      { provide: PersonalDataCipher, useValue: tenancyCipher(pool, config.MASTER_KEY) },
      UserNames,
      TenantsRepository,
      AccountsRepository,
      InvitationsRepository,
      RefreshTokens,
      TenantStream,
      { provide: STAFF_ARRIVAL_WAIT, useValue: config.STAFF_ARRIVAL_WAIT_MS },
      StaffMembersRepository,
      {
        provide: INVITATION_SETTINGS,
        useValue: {
          validForHours: config.INVITATION_TTL_HOURS,
          ...(config.ACTIVATION_URL ? { activationUrl: config.ACTIVATION_URL } : {}),
          logger,
        },
      },
      { provide: REFRESH_SETTINGS, useValue: { validForHours: config.REFRESH_TOKEN_TTL_HOURS, logger } },
      {
        provide: RefreshPurge,
        useValue: new RefreshPurge(pool, { everyMs: config.REFRESH_PURGE_INTERVAL_MINUTES * 60_000, logger }),
      },
    ],
  }),
  onStart: async ({ logger, config, runtime, pool }, app) => {
    await createFirstTenant(
      { logger, stream: app.get(TenantStream), tenants: app.get(TenantsRepository) },
      {
        tenantName: config.DEFAULT_TENANT_NAME,
        adminPassword: config.ADMIN_PASSWORD,
        operatorPassword: config.PLATFORM_OPERATOR_PASSWORD,
      },
    );
    // Expired sign-ins are deleted now and then (stopped with the app: RefreshPurge.onApplicationShutdown).
    app.get(RefreshPurge).start();
    // Hiring with a login (issue 13 item 1): staff's StaffLoginRequested → the user, pending activation; and a
    // later StaffRoleChanged → the login's roles follow, in the same consumer so in the staff member's stream order.
    const logins = staffLoginsProcess(app.get(TenantStream), logger);
    const roles = staffRolesProcess(app.get(TenantStream), logger);
    await runtime.subscribe(STAFF_LOGINS_CONSUMER, [eventsTopic('staff')], async (event) => {
      await logins(event);
      await roles(event);
    });
    // A leaver's login closes (issue 11): staff's StaffMemberLeft → the user disabled, its tokens refused.
    await runtime.subscribe(
      STAFF_LEAVERS_CONSUMER,
      [eventsTopic('staff')],
      staffLeaversProcess(app.get(TenantStream), pool, logger),
    );
    // The staff members a user may be linked to (issue 13 item 1): hired, left, their stream's version.
    await runtime.subscribe(STAFF_MEMBERS_CONSUMER, [eventsTopic('staff')], staffMembersProjection);
  },
};
