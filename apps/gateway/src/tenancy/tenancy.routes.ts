import { controllerOf, route, type RouteInput } from '../routes/mount';
import {
  AddBranchDto,
  BusinessCalendarDto,
  ChangeUserRolesDto,
  ChangeUserRolesRequest,
  SetUserPasswordDto,
  SetUserPasswordRequest,
  DisableUserRequest,
  IssueUserInvitationRequest,
  EnableBusinessLineDto,
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

/** The tenant, its branches and users over REST: each route is its declaration bound to these shapes. */
export const TenancyRoutes = controllerOf('tenancy', [
  route({ rpc: 'tenancy.GetTenant', answer: TenantView }),
  route({
    rpc: 'tenancy.AddBranch',
    body: AddBranchDto,
    answer: TenantView,
    request: ({ body, expectedVersion }: RouteInput<AddBranchDto>) => ({
      ...body,
      businessLines: body.businessLines ?? [],
      expectedVersion,
    }),
  }),
  route({ rpc: 'tenancy.EnableBusinessLine', body: EnableBusinessLineDto, answer: TenantView }),
  route({
    rpc: 'tenancy.SetBusinessCalendar',
    body: BusinessCalendarDto,
    answer: TenantView,
    grpc: SetBusinessCalendarRequest,
    request: ({ body, expectedVersion }: RouteInput<BusinessCalendarDto>) => ({
      calendar: body,
      expectedVersion,
    }),
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
  route({
    rpc: 'tenancy.ChangeUserRoles',
    body: ChangeUserRolesDto,
    answer: UserView,
    grpc: ChangeUserRolesRequest,
    request: ({ params, body, expectedVersion }: RouteInput<ChangeUserRolesDto>) => ({
      userId: params['id'],
      ...body,
      expectedVersion,
    }),
    view: userView,
    etag: (user: UserView) => user.tenantVersion,
  }),
  route({
    rpc: 'tenancy.SetUserPassword',
    body: SetUserPasswordDto,
    answer: UserView,
    grpc: SetUserPasswordRequest,
    request: ({ params, body, expectedVersion }: RouteInput<SetUserPasswordDto>) => ({
      userId: params['id'],
      ...body,
      expectedVersion,
    }),
    view: userView,
    etag: (user: UserView) => user.tenantVersion,
  }),
  route({
    rpc: 'tenancy.DisableUser',
    answer: UserView,
    grpc: DisableUserRequest,
    request: ({ params, expectedVersion }: RouteInput) => ({ userId: params['id'], expectedVersion }),
    view: userView,
    etag: (user: UserView) => user.tenantVersion,
  }),
  route({
    rpc: 'tenancy.IssueUserInvitation',
    answer: UserInvitationView,
    grpc: IssueUserInvitationRequest,
    request: ({ params, expectedVersion }: RouteInput) => ({ userId: params['id'], expectedVersion }),
    etag: (invitation: UserInvitationView) => invitation.tenantVersion,
  }),
]);
