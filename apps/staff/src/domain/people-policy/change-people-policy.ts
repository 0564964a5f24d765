import { PEOPLE_POLICY_LIMITS } from '@serviceops/contracts';
import { DomainError, optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { PeoplePolicyErrorCode } from './people-policy.errors';
import {
  DEFAULT_PEOPLE_POLICY,
  type PeoplePolicy,
  type PeoplePolicyContext,
  type PeoplePolicyState,
} from './people-policy.state';

/** The policy replaced; a retention not given keeps the current one (it came after the other two). */
export type ChangePeoplePolicy = Command<
  'ChangePeoplePolicy',
  { policy: Omit<PeoplePolicy, 'staffRetentionDays'> & { staffRetentionDays?: number } }
>;
export type PeoplePolicyChanged = Event<
  'PeoplePolicyChanged',
  { version: number; policy: PeoplePolicy; changedAt: string }
>;

function checked(policy: PeoplePolicy): PeoplePolicy {
  for (const field of ['expiryReminderDays', 'noticeDays', 'staffRetentionDays'] as const) {
    const { min, max } = PEOPLE_POLICY_LIMITS[field];
    const value = policy[field];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new DomainError(
        PeoplePolicyErrorCode.OUT_OF_RANGE,
        `${field} must be a whole number of days from ${min} to ${max}`,
        {
          field,
        },
      );
  }
  return {
    expiryReminderDays: policy.expiryReminderDays,
    noticeDays: policy.noticeDays,
    staffRetentionDays: policy.staffRetentionDays,
  };
}

/** Each number of days within PEOPLE_POLICY_LIMITS; the same policy again changes nothing (no new version). */
export const changePeoplePolicy = useCase<
  ChangePeoplePolicy,
  PeoplePolicyChanged,
  PeoplePolicyState,
  PeoplePolicyContext
>({
  command: 'ChangePeoplePolicy',
  handles: {
    rpc: 'staff.ChangePeoplePolicy',
    // A number left out is no number: refused as out of range, but the retention, which keeps the current one.
    command: (request: {
      expiryReminderDays?: number;
      noticeDays?: number;
      staffRetentionDays?: number;
    }) => ({
      type: 'ChangePeoplePolicy',
      data: {
        policy: {
          expiryReminderDays: request.expiryReminderDays ?? Number.NaN,
          noticeDays: request.noticeDays ?? Number.NaN,
          ...optional('staffRetentionDays', request.staffRetentionDays),
        },
      },
    }),
  },
  decide({ data }, state, { now }) {
    const policy = checked({
      ...data.policy,
      staffRetentionDays: data.policy.staffRetentionDays ?? state.policy.staffRetentionDays,
    });
    if (JSON.stringify(policy) === JSON.stringify(state.policy)) return [];
    return [
      {
        type: 'PeoplePolicyChanged',
        data: { version: state.version + 1, policy, changedAt: now.toISOString() },
      },
    ];
  },
  evolve: {
    // A change recorded before the retention existed carries none: the default stood.
    PeoplePolicyChanged: (_state, { data }) => ({
      version: data.version,
      policy: { ...DEFAULT_PEOPLE_POLICY, ...data.policy },
      changedAt: data.changedAt,
    }),
  },
});
