import { PEOPLE_POLICY_LIMITS } from '@serviceops/contracts';
import { DomainError, streamId, type Decider, type Event } from '@serviceops/kernel';
import { PeoplePolicyErrorCode } from './people-policy.errors';
import { DEFAULT_STAFF_RETENTION_DAYS } from '../member/member.rules';
import { DEFAULT_EXPIRY_REMINDER_DAYS } from '../qualification/qualification.rules';
import { DEFAULT_NOTICE_DAYS } from '../separation/separation.rules';

/**
 * The tenant's people policy, versioned: how long before a qualification expires its reminder goes out, how
 * many days of notice a resignation gives, and how many days after a leaver's last day their personal data is
 * erased. Version 0 is the defaults (30, 30 and 730).
 */
export interface PeoplePolicy {
  readonly expiryReminderDays: number;
  readonly noticeDays: number;
  readonly staffRetentionDays: number;
}

export const DEFAULT_PEOPLE_POLICY: PeoplePolicy = {
  expiryReminderDays: DEFAULT_EXPIRY_REMINDER_DAYS,
  noticeDays: DEFAULT_NOTICE_DAYS,
  staffRetentionDays: DEFAULT_STAFF_RETENTION_DAYS,
};

export { PEOPLE_POLICY_LIMITS };

export interface PeoplePolicyState {
  readonly version: number;
  readonly policy: PeoplePolicy;
  readonly changedAt?: string;
}

/** The policy replaced; a retention not given keeps the current one (it came after the other two). */
export type ChangePeoplePolicy = {
  readonly type: 'ChangePeoplePolicy';
  readonly data: { policy: Omit<PeoplePolicy, 'staffRetentionDays'> & { staffRetentionDays?: number } };
};
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

export const peoplePolicyDecider: Decider<
  ChangePeoplePolicy,
  PeoplePolicyChanged,
  PeoplePolicyState,
  { readonly now: Date }
> = {
  initialState: () => ({ version: 0, policy: DEFAULT_PEOPLE_POLICY }),
  decide: ({ data }, state, { now }) => {
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
  // A change recorded before the retention existed carries none: the default stood.
  evolve: (_state, { data }) => ({
    version: data.version,
    policy: { ...DEFAULT_PEOPLE_POLICY, ...data.policy },
    changedAt: data.changedAt,
  }),
};

/** One policy stream per tenant: 'staff-people-policy-<tenantId>-current'. */
export function peoplePolicyStreamId(tenantId: string): string {
  return streamId('staff-people-policy', tenantId, 'current');
}
