import { PEOPLE_POLICY_LIMITS } from '@serviceops/contracts';
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

export const initialPeoplePolicyState = (): PeoplePolicyState => ({
  version: 0,
  policy: DEFAULT_PEOPLE_POLICY,
});

/** What the policy's decisions take from outside the domain: the time. */
export interface PeoplePolicyContext {
  readonly now: Date;
}
