import { PEOPLE_POLICY_LIMITS } from '@serviceops/contracts';
import { DomainError, streamId, type Decider, type Event } from '@serviceops/kernel';
import { DEFAULT_EXPIRY_REMINDER_DAYS } from '../qualification/qualification.decide';
import { DEFAULT_NOTICE_DAYS } from '../separation/separation.decide';

/**
 * The tenant's people policy, versioned: how long before a qualification expires its reminder goes out, and
 * how many days of notice a resignation gives. Version 0 is the defaults (30 and 30).
 */
export interface PeoplePolicy {
  readonly expiryReminderDays: number;
  readonly noticeDays: number;
}

export const DEFAULT_PEOPLE_POLICY: PeoplePolicy = {
  expiryReminderDays: DEFAULT_EXPIRY_REMINDER_DAYS,
  noticeDays: DEFAULT_NOTICE_DAYS,
};

export { PEOPLE_POLICY_LIMITS };

export interface PeoplePolicyState {
  readonly version: number;
  readonly policy: PeoplePolicy;
  readonly changedAt?: string;
}

export type ChangePeoplePolicy = {
  readonly type: 'ChangePeoplePolicy';
  readonly data: { policy: PeoplePolicy };
};
export type PeoplePolicyChanged = Event<
  'PeoplePolicyChanged',
  { version: number; policy: PeoplePolicy; changedAt: string }
>;

export const POLICY_INVALID = 'STAFF.PEOPLE_POLICY_OUT_OF_RANGE';

function checked(policy: PeoplePolicy): PeoplePolicy {
  for (const field of ['expiryReminderDays', 'noticeDays'] as const) {
    const { min, max } = PEOPLE_POLICY_LIMITS[field];
    const value = policy[field];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new DomainError(POLICY_INVALID, `${field} must be a whole number of days from ${min} to ${max}`, {
        field,
      });
  }
  return { expiryReminderDays: policy.expiryReminderDays, noticeDays: policy.noticeDays };
}

export const peoplePolicyDecider: Decider<
  ChangePeoplePolicy,
  PeoplePolicyChanged,
  PeoplePolicyState,
  { readonly now: Date }
> = {
  initialState: () => ({ version: 0, policy: DEFAULT_PEOPLE_POLICY }),
  decide: ({ data }, state, { now }) => {
    const policy = checked(data.policy);
    if (JSON.stringify(policy) === JSON.stringify(state.policy)) return [];
    return [
      {
        type: 'PeoplePolicyChanged',
        data: { version: state.version + 1, policy, changedAt: now.toISOString() },
      },
    ];
  },
  evolve: (_state, { data }) => ({ version: data.version, policy: data.policy, changedAt: data.changedAt }),
};

/** One policy stream per tenant: 'staff-people-policy-<tenantId>-current'. */
export function peoplePolicyStreamId(tenantId: string): string {
  return streamId('staff-people-policy', tenantId, 'current');
}
