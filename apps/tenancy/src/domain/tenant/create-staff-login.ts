import type { StaffLoginCreatedV1, StaffLoginNotCreatedV1, StaffLoginRefusedV1 } from '@serviceops/contracts';
import { type Command, DomainError, type Event, useCase } from '@serviceops/kernel';
import type { Role } from '../roles';
import { userRegistered, type RegisterUser, type UserRegistered } from './register-user';
import { answered, enabledTenant, onTenant, registering, withStaffLogin, withUser } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

/**
 * Staff's `StaffLoginRequested` (hiring asked for a login): the user is created once, with the staff member's id
 * as its own, pending activation (no password travels in events); or the request is refused with the rule's code.
 * It comes with no invitation: an admin issues the first one (IssueUserInvitation) and hands its token over.
 */
export type CreateStaffLogin = Command<
  'CreateStaffLogin',
  {
    tenantId: string;
    staffId: string;
    username: string;
    roles: readonly Role[];
    branchId?: string;
  }
>;

/** Published for staff (libs/contracts events/tenancy-logins.events.ts): one shape. */
export type StaffLoginCreated = Event<'StaffLoginCreated', StaffLoginCreatedV1>;
export type StaffLoginRefused = Event<'StaffLoginRefused', StaffLoginRefusedV1>;
/** The hire's login request came after a user was linked to the staff member by hand: answered, no user made. */
export type StaffLoginNotCreated = Event<'StaffLoginNotCreated', StaffLoginNotCreatedV1>;

type Recorded = StaffLoginCreated | StaffLoginRefused | StaffLoginNotCreated;

/**
 * A login for a hired staff member: the user registers under the staff member's id with the username as display
 * name, and no credential (pending activation). Once answered (created, refused or not created), a redelivered
 * request adds nothing. A rule that refuses it (username taken, unknown branch, a role not grantable) is answered
 * with StaffLoginRefused and its code rather than thrown, so staff hears of it; a staff member who has a login
 * already (a user an admin linked to them before the request came) with StaffLoginNotCreated naming that user.
 */
const createStaffLoginCase = useCase<
  CreateStaffLogin,
  Recorded | UserRegistered,
  TenantState,
  TenantContext,
  'UserRegistered'
>({
  command: 'CreateStaffLogin',
  decide(command, state, context) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { tenantId, staffId, username, roles, branchId } = command.data;
    if (entry(tenant.hireLoginAnswered ?? {}, staffId)) return [];
    const login = entry(tenant.staffLogins ?? {}, staffId);
    // Made at hire or refused is answered (above): what is left is a user linked by hand, open or closed since.
    if (login && login.status !== 'refused')
      return [
        {
          type: 'StaffLoginNotCreated',
          data: {
            staffId,
            userId: login.userId,
            reason: 'already-linked',
            answeredAt: context.now.toISOString(),
          },
        },
      ];
    if (login) return [];
    const register: RegisterUser = {
      type: 'RegisterUser',
      data: {
        tenantId,
        userId: staffId,
        username,
        displayName: username,
        roles,
        ...(branchId ? { branchId } : {}),
      },
    };
    try {
      const [user] = userRegistered(register, tenant, context);
      const { userId, username: name, roles: granted, branchId: branch } = user.data;
      return [
        user,
        {
          type: 'StaffLoginCreated',
          data: {
            staffId,
            userId,
            username: name,
            roles: granted,
            branchId: branch,
            activation: 'pending',
            createdAt: context.now.toISOString(),
          },
        },
      ];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return [
        {
          type: 'StaffLoginRefused',
          data: {
            staffId,
            username,
            code: error.code,
            reason: error.message,
            refusedAt: context.now.toISOString(),
          },
        },
      ];
    }
  },
  evolve: {
    StaffLoginCreated: onTenant((tenant, { data: { staffId, userId } }) => {
      const created = withUser(tenant, userId, () => ({ pendingActivation: true, staffId }));
      return answered(withStaffLogin(created, staffId, { status: 'open', userId, madeAt: 'hire' }), staffId);
    }),
    StaffLoginRefused: onTenant((tenant, { data: { staffId } }) =>
      answered(withStaffLogin(tenant, staffId, { status: 'refused' }), staffId),
    ),
    StaffLoginNotCreated: onTenant((tenant, { data: { staffId } }) => answered(tenant, staffId)),
  },
});

/** Registers the login it makes, whose user id is the staff member's. */
export const createStaffLogin = registering(createStaffLoginCase, ({ data }) => [data.staffId]);
