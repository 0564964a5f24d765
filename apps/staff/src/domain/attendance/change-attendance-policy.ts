import { useCase, type Command, type Event } from '@serviceops/kernel';
import {
  validateAttendancePolicy,
  type AttendancePolicy,
  type AttendancePolicyState,
} from './attendance.policy';

export type ChangeAttendancePolicy = Command<'ChangeAttendancePolicy', { readonly policy: unknown }>;

export type AttendancePolicyChanged = Event<
  'AttendancePolicyChanged',
  { version: number; policy: AttendancePolicy; changedAt: string }
>;

/** How the tenant counts lateness, replaced: the next version; clock-ins from now on apply it. */
export const changeAttendancePolicy = useCase<
  ChangeAttendancePolicy,
  AttendancePolicyChanged,
  AttendancePolicyState,
  { readonly now: Date }
>({
  command: 'ChangeAttendancePolicy',
  handles: {
    rpc: 'staff.ChangeAttendancePolicy',
    command: (request: { latenessThresholdMinutes?: number }) => ({
      type: 'ChangeAttendancePolicy',
      // proto3 leaves 0 off the wire: an absent threshold is 0.
      data: { policy: { latenessThresholdMinutes: request.latenessThresholdMinutes ?? 0 } },
    }),
  },
  decide(command, state, { now }) {
    const policy = validateAttendancePolicy(command.data.policy);
    if (policy.latenessThresholdMinutes === state.policy.latenessThresholdMinutes) return [];
    return [
      {
        type: 'AttendancePolicyChanged',
        data: { version: state.version + 1, policy, changedAt: now.toISOString() },
      },
    ];
  },
  evolve: {
    AttendancePolicyChanged: (_state, event) => ({ version: event.data.version, policy: event.data.policy }),
  },
});
