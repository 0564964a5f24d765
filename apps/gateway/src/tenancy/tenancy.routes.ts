import type { Type } from '@nestjs/common';
import type { Rpc } from '@serviceops/contracts';
import { resourceRoutes, route, type RouteInput } from '../routes/mount';
import * as bodies from './tenancy.dto';
import {
  BusinessCalendarDto,
  ChangeUserRolesDto,
  ChangeUserRolesRequest,
  SetUserPasswordDto,
  SetUserPasswordRequest,
  DisableUserRequest,
  EraseUserRequest,
  IssueUserInvitationRequest,
  LinkUserToStaffDto,
  LinkUserToStaffRequest,
  UnlinkUserFromStaffRequest,
  GetUserRequest,
  RegisterUserDto,
  SetBusinessCalendarRequest,
} from './tenancy.dto';
import { TenantView, UserInvitationView, UserPageView, UserView } from './tenancy.views';

/** proto3 leaves `false` and 0 out; the REST answer says them. */
function userView(user: UserView): UserView {
  const { tokenVersion = 0 }: { tokenVersion?: number } = user;
  return { ...user, disabled: user.disabled === true, tokenVersion };
}

/** proto3 leaves `false` out; the REST answer says it. */
function tenantView(tenant: TenantView): TenantView {
  return { ...tenant, disabled: tenant.disabled === true };
}

/**
 * A write on one user (`users/:id/…`): the path's id travels as `userId`, the answer is the user, and its ETag is
 * the tenant's version (users live in the tenant's stream).
 */
function userWrite<B extends object>(rpc: Rpc, grpc: Type<object>, body?: Type<B>) {
  return route<B, Record<string, unknown>, UserView>({
    rpc,
    ...(body ? { body } : {}),
    answer: UserView,
    grpc,
    request: ({ params, body: sent, expectedVersion }: RouteInput<B>) => ({
      userId: params['id'],
      // A route without a body class takes nothing of what was sent.
      ...(body ? sent : {}),
      expectedVersion,
    }),
    view: userView,
    etag: (user: UserView) => user.tenantVersion,
  });
}

/**
 * The tenant, its branches and users over REST: each route is its declaration bound to these shapes. Every write
 * under /tenant whose gRPC request is its REST body is derived (its body the `@BodyOf` class of tenancy.dto.ts, its
 * answer the tenant): add a branch, enable a business line. Bound here: the reads, setting the calendar (the body
 * is the request's `calendar`), and the users' routes, which share this controller as they share the tenant's
 * stream but not its path: a user's path id travels as `userId` and a user's ETag is its tenant's version, which
 * the resource's defaults cannot say, so each of them is bound by hand.
 */
export const TenancyRoutes = resourceRoutes(
  'tenant',
  { answer: TenantView, view: tenantView, tag: 'tenancy' },
  bodies,
  [
    route({ rpc: 'tenancy.GetTenant', answer: TenantView, view: tenantView }),
    route({
      rpc: 'tenancy.SetBusinessCalendar',
      body: BusinessCalendarDto,
      answer: TenantView,
      // The body is the request's `calendar` (the declaration's bodyField).
      grpc: SetBusinessCalendarRequest,
      view: tenantView,
    }),
    // A user's version is its tenant's (users live in the tenant's stream).
    route({
      rpc: 'tenancy.RegisterUser',
      body: RegisterUserDto,
      answer: UserView,
      view: userView,
      etag: (user: UserView) => user.tenantVersion,
    }),
    // Before users/:id, which would take `me` for an id.
    route({ rpc: 'tenancy.GetMe', answer: UserView, view: userView }),
    route({
      rpc: 'tenancy.GetUser',
      answer: UserView,
      grpc: GetUserRequest,
      request: ({ params }: RouteInput) => ({ userId: params['id'] }),
      view: userView,
    }),
    route({
      rpc: 'tenancy.ListUsers',
      answer: UserPageView,
      view: (page: UserPageView) => ({ items: page.items.map(userView) }),
    }),
    userWrite('tenancy.ChangeUserRoles', ChangeUserRolesRequest, ChangeUserRolesDto),
    userWrite('tenancy.SetUserPassword', SetUserPasswordRequest, SetUserPasswordDto),
    userWrite('tenancy.DisableUser', DisableUserRequest),
    userWrite('tenancy.EraseUser', EraseUserRequest),
    userWrite('tenancy.LinkUserToStaff', LinkUserToStaffRequest, LinkUserToStaffDto),
    userWrite('tenancy.UnlinkUserFromStaff', UnlinkUserFromStaffRequest),
    route({
      rpc: 'tenancy.IssueUserInvitation',
      answer: UserInvitationView,
      grpc: IssueUserInvitationRequest,
      request: ({ params, expectedVersion }: RouteInput) => ({ userId: params['id'], expectedVersion }),
      etag: (invitation: UserInvitationView) => invitation.tenantVersion,
    }),
  ],
);
