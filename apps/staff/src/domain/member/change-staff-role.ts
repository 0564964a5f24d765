import type { Role, StaffRoleChangedV1 } from '@serviceops/contracts';
import { optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { MemberErrorCode, memberError } from './member.errors';
import { employedMember } from './member.rules';
import type { MemberContext, MemberState } from './member.state';

/**
 * Give the staff member another role; `assessmentPeriod`: the assessed period whose `role_change` outcome this
 * carries out (its latest result must have decided it for them: the context's `assessed`).
 */
export type ChangeStaffRole = Command<
  'ChangeStaffRole',
  { staffId: string; role: Role; assessmentPeriod?: string }
>;

/** The request as the proto decodes it (proto3: unset strings absent). */
interface ChangeStaffRoleRequest {
  readonly id: string;
  readonly role?: string;
  readonly assessmentPeriod?: string;
}

/** The staff member's role changed (published as StaffRoleChangedV1: tenancy's login, orders' skill follow it). */
export type StaffRoleChanged = Event<'StaffRoleChanged', StaffRoleChangedV1>;

/**
 * A role change: of someone still employed (not erased, not left); the same role again changes nothing. Citing an
 * assessed period, the period's latest result must have decided `role_change` for them; the event names it. Its
 * handler looks the assessment up first (a read of another stream): application/member.handlers.ts.
 */
export const changeStaffRole = useCase<ChangeStaffRole, StaffRoleChanged, MemberState, MemberContext>({
  command: 'ChangeStaffRole',
  handles: {
    rpc: 'staff.ChangeStaffRole',
    command: (request: ChangeStaffRoleRequest) => ({
      type: 'ChangeStaffRole',
      data: {
        staffId: request.id,
        // The role is one of TENANT_ROLES: the request's class (the REST body's) checked it.
        role: request.role as Role,
        ...optional('assessmentPeriod', request.assessmentPeriod),
      },
    }),
  },
  decide({ data }, state, context) {
    const member = employedMember(state);
    const { assessed } = context;
    if (
      data.assessmentPeriod !== undefined &&
      (assessed?.period !== data.assessmentPeriod || !assessed.outcomes.includes('role_change'))
    )
      throw memberError(
        MemberErrorCode.ROLE_CHANGE_NOT_DECIDED,
        `the latest assessment of ${data.assessmentPeriod} decided no role change for this staff member`,
        { field: 'assessmentPeriod' },
      );
    if (data.role === member.role) return [];
    return [
      {
        type: 'StaffRoleChanged',
        data: {
          staffId: member.staffId,
          from: member.role,
          to: data.role,
          branchId: member.branchId,
          ...(data.assessmentPeriod !== undefined && assessed
            ? { assessment: { period: assessed.period, resultVersion: assessed.resultVersion } }
            : {}),
          changedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    StaffRoleChanged: (state, event) => {
      if (state.status === 'absent') return state;
      return { ...state, role: event.data.to, updatedAt: event.data.changedAt };
    },
  },
});
