import { ADMIN, ANY_ROLE, ON_BEHALF_ACTORS, PUBLIC, PLATFORM_OPERATORS } from './access';
import type { Declaration } from './declaration';

/** The tenancy service's methods: gRPC name → REST route, roles, summary. */
export const TENANCY_API = {
  Authenticate: {
    http: { method: 'POST', path: 'auth/token', status: 200 },
    access: PUBLIC,
    // No token, so the gateway's tenant check does not run: tenancy itself answers a disabled tenant (403).
    errors: ['TENANCY.TENANT_DISABLED'],
    summary: 'Exchange a username and password for an access token and a refresh token',
  },
  RefreshAccessToken: {
    http: { method: 'POST', path: 'auth/refresh', status: 200 },
    access: PUBLIC,
    errors: ['TENANCY.REFRESH_INVALID'],
    summary:
      'Exchange a refresh token for a new access token and the next refresh token (the one presented stops working; presenting it again ends the sign-in)',
  },
  Logout: {
    http: { method: 'POST', path: 'auth/logout', status: 200 },
    access: PUBLIC,
    errors: [],
    summary:
      'Sign out: the refresh token’s sign-in ends (every refresh token of it); the same answer for any well-formed token, known or not',
  },
  GetTenant: {
    http: { method: 'GET', path: 'tenant', status: 200, etag: true },
    access: ANY_ROLE,
    errors: ['TENANCY.TENANT_NOT_FOUND'],
    summary: 'Your tenant: branches, business lines, business calendar',
  },
  AddBranch: {
    http: { method: 'POST', path: 'tenant/branches', status: 201, etag: true, ifMatch: true },
    access: ADMIN,
    errors: [
      'TENANCY.TENANT_NOT_FOUND',
      'TENANCY.INVALID_NAME',
      'TENANCY.BRANCH_EXISTS',
      'TENANCY.INVALID_BUSINESS_LINE',
      'TENANCY.BUSINESS_LINE_NOT_ENABLED',
    ],
    summary: 'Open a branch',
  },
  EnableBusinessLine: {
    http: { method: 'POST', path: 'tenant/business-lines', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    errors: ['TENANCY.TENANT_NOT_FOUND', 'TENANCY.INVALID_BUSINESS_LINE'],
    summary: 'Enable a business line for the tenant',
  },
  SetBusinessCalendar: {
    http: {
      method: 'PUT',
      path: 'tenant/calendar',
      status: 200,
      etag: true,
      ifMatch: true,
      bodyField: 'calendar',
    },
    access: ADMIN,
    errors: ['TENANCY.TENANT_NOT_FOUND'],
    summary: 'Set the business calendar: working hours and holidays, in the tenant’s time zone',
  },
  GetMe: {
    http: { method: 'GET', path: 'users/me', status: 200 },
    access: ANY_ROLE,
    errors: ['TENANCY.USER_NOT_FOUND'],
    summary: 'Your own account: roles, and the token version your access tokens must carry',
  },
  GetUser: {
    http: {
      method: 'GET',
      path: 'users/:id',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
    },
    access: ON_BEHALF_ACTORS,
    errors: ['TENANCY.USER_NOT_FOUND'],
    summary: 'A user of your tenant, for those who may act on behalf of others',
  },
  RegisterUser: {
    http: { method: 'POST', path: 'users', status: 201, etag: true },
    access: ADMIN,
    errors: [
      'TENANCY.TENANT_NOT_FOUND',
      'TENANCY.USER_EXISTS',
      'TENANCY.USERNAME_TAKEN',
      'TENANCY.INVALID_USERNAME',
      'TENANCY.INVALID_ROLES',
      'TENANCY.ROLE_NOT_GRANTABLE',
      'TENANCY.PASSWORD_TOO_COMMON',
      'TENANCY.BRANCH_NOT_FOUND',
    ],
    summary: 'Register a user of your tenant',
  },
  ChangeUserRoles: {
    http: {
      method: 'POST',
      path: 'users/:id/change-roles',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: [
      'TENANCY.USER_NOT_FOUND',
      'TENANCY.USER_DISABLED',
      'TENANCY.INVALID_ROLES',
      'TENANCY.ROLE_NOT_GRANTABLE',
      'TENANCY.LAST_ADMIN',
      'TENANCY.BRANCH_NOT_FOUND',
    ],
    summary: 'Replace a user’s roles: tokens issued before are refused at once (sign in again)',
  },
  SetUserPassword: {
    http: {
      method: 'POST',
      path: 'users/:id/password',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: ['TENANCY.USER_NOT_FOUND', 'TENANCY.USER_DISABLED', 'TENANCY.PASSWORD_TOO_COMMON'],
    summary:
      'Set a user’s password: activates a staff login created at hiring (pendingActivation), or resets a forgotten one; tokens issued before are refused at once',
  },
  DisableUser: {
    http: {
      method: 'POST',
      path: 'users/:id/disable',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: ['TENANCY.USER_NOT_FOUND', 'TENANCY.USER_DISABLED', 'TENANCY.LAST_ADMIN'],
    summary: 'Disable a user: they can no longer sign in, and their tokens are refused at once',
  },
  EraseUser: {
    http: {
      method: 'POST',
      path: 'users/:id/erase',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: [
      'TENANCY.USER_NOT_FOUND',
      'TENANCY.USER_ERASED',
      'TENANCY.LAST_ADMIN',
      'TENANCY.STAFF_LOGIN_OPEN',
    ],
    summary:
      'Erase a user: disabled, tokens and sign-ins ended at once, their display name made unreadable for good, their username freed (a pseudonym takes its place)',
  },
  LinkUserToStaff: {
    http: {
      method: 'PUT',
      path: 'users/:id/staff-member',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: [
      'TENANCY.USER_NOT_FOUND',
      'TENANCY.USER_DISABLED',
      'TENANCY.STAFF_MEMBER_NOT_FOUND',
      'TENANCY.STAFF_MEMBER_LEFT',
      'TENANCY.STAFF_LOGIN_EXISTS',
      'TENANCY.USER_LINK_EXISTS',
    ],
    summary:
      'Make a user the login of a staff member of your tenant: closed when they leave, its roles following theirs (a staff member hired a moment ago is waited for briefly)',
  },
  UnlinkUserFromStaff: {
    http: {
      method: 'POST',
      path: 'users/:id/staff-member/unlink',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: ['TENANCY.USER_NOT_FOUND', 'TENANCY.STAFF_MEMBER_LEFT', 'TENANCY.HIRE_LOGIN_NOT_UNLINKABLE'],
    summary:
      'Undo a link of a user to a staff member (the login made at hire is disabled instead, never unlinked)',
  },
  ListUsers: {
    http: { method: 'GET', path: 'users', status: 200 },
    access: ADMIN,
    errors: [],
    summary: 'List users',
  },
  CreateTenant: {
    http: { method: 'POST', path: 'tenants', status: 201, etag: true, location: true },
    access: PLATFORM_OPERATORS,
    errors: [
      'TENANCY.TENANT_EXISTS',
      'TENANCY.TENANT_NAME_TAKEN',
      'TENANCY.INVALID_NAME',
      'TENANCY.INVALID_USERNAME',
      'TENANCY.INVALID_BUSINESS_LINE',
      'TENANCY.PASSWORD_TOO_COMMON',
    ],
    summary: 'Provision a tenant with its first admin',
  },
  ListTenants: {
    http: { method: 'GET', path: 'tenants', status: 200 },
    access: PLATFORM_OPERATORS,
    errors: [],
    summary: 'List tenants by name, a page at a time',
  },
  GetTenantById: {
    http: {
      method: 'GET',
      path: 'tenants/:id',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'tenantId' },
      etag: true,
    },
    access: PLATFORM_OPERATORS,
    errors: ['TENANCY.TENANT_NOT_FOUND'],
    summary: 'A tenant: name, status, version',
  },
  DisableTenant: {
    http: {
      method: 'POST',
      path: 'tenants/:id/disable',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'tenantId' },
      etag: true,
      ifMatch: true,
    },
    access: PLATFORM_OPERATORS,
    errors: ['TENANCY.TENANT_NOT_FOUND', 'TENANCY.PLATFORM_TENANT'],
    summary: 'Disable a tenant: its users can no longer log in, and their tokens are refused',
  },
  EnableTenant: {
    http: {
      method: 'POST',
      path: 'tenants/:id/enable',
      status: 200,
      uuidParams: ['id'],
      paramFields: { id: 'tenantId' },
      etag: true,
      ifMatch: true,
    },
    access: PLATFORM_OPERATORS,
    errors: ['TENANCY.TENANT_NOT_FOUND', 'TENANCY.PLATFORM_TENANT'],
    summary: 'Enable a disabled tenant again',
  },
  IssueUserInvitation: {
    http: {
      method: 'POST',
      path: 'users/:id/invitation',
      status: 201,
      uuidParams: ['id'],
      paramFields: { id: 'userId' },
      etag: true,
      ifMatch: true,
    },
    access: ADMIN,
    errors: [
      'TENANCY.TENANT_NOT_FOUND',
      'TENANCY.USER_NOT_FOUND',
      'TENANCY.USER_DISABLED',
      'TENANCY.USER_ALREADY_ACTIVE',
    ],
    // The answer carries a secret (the token): a kept idempotent answer leaves it out, as it does personal data.
    personalData: true,
    summary:
      'Issue an activation invitation for a login waiting for activation (a staff member hired with a login): the answer carries its token once, to hand over; the invitation issued before stops working',
  },
  ActivateUser: {
    http: { method: 'POST', path: 'auth/activate', status: 200 },
    access: PUBLIC,
    errors: ['TENANCY.PASSWORD_TOO_COMMON', 'TENANCY.TENANT_DISABLED'],
    summary:
      'Activate your login with the token of your invitation and your first password; answers an access token as `POST /auth/token` does',
  },
} as const satisfies Record<string, Declaration>;
