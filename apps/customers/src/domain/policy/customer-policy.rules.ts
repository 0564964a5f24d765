import { invalidPolicy } from './customer-policy.errors';
import type { CustomerPolicy } from './customer-policy.state';

/** What a policy may hold: each field's check. */

export const POLICY_LIMITS = {
  withinBusinessHours: { min: 0, max: 720 },
  afterServiceDays: { min: 0, max: 90 },
  everyDays: { min: 1, max: 3650 },
  hour: { min: 0, max: 23 },
} as const;

/**
 * Checks every field of a policy (as it may come from JSON) and returns a plain copy holding exactly the policy's
 * fields. Throws 'CUSTOMERS.INVALID_POLICY' with the path of the first field at fault ('returnVisits.everyDays').
 */
export function validateCustomerPolicy(value: unknown): CustomerPolicy {
  const policy = object(value, 'policy');
  const inquiryReply = object(policy['inquiryReply'], 'inquiryReply');
  const returnVisits = object(policy['returnVisits'], 'returnVisits');
  const care = object(policy['care'], 'care');

  const within = inquiryReply['withinBusinessHours'];
  const { max: maxHours } = POLICY_LIMITS.withinBusinessHours;
  if (typeof within !== 'number' || !Number.isFinite(within) || within <= 0 || within > maxHours) {
    throw invalidPolicy(
      'inquiryReply.withinBusinessHours',
      `must be more than 0 and at most ${maxHours} hours`,
    );
  }
  const afterServiceDays = integer(
    returnVisits['afterServiceDays'],
    'returnVisits.afterServiceDays',
    POLICY_LIMITS.afterServiceDays,
  );
  const everyDays =
    returnVisits['everyDays'] === null
      ? null
      : integer(returnVisits['everyDays'], 'returnVisits.everyDays', POLICY_LIMITS.everyDays, 'or null');
  const birthdays = boolean(care['birthdays'], 'care.birthdays');
  const holidays = boolean(care['holidays'], 'care.holidays');
  const hour = integer(care['hour'], 'care.hour', POLICY_LIMITS.hour);

  return {
    inquiryReply: { withinBusinessHours: within },
    returnVisits: { afterServiceDays, everyDays },
    care: { birthdays, holidays, hour },
  };
}

export function samePolicy(a: CustomerPolicy, b: CustomerPolicy): boolean {
  return (
    a.inquiryReply.withinBusinessHours === b.inquiryReply.withinBusinessHours &&
    a.returnVisits.afterServiceDays === b.returnVisits.afterServiceDays &&
    a.returnVisits.everyDays === b.returnVisits.everyDays &&
    a.care.birthdays === b.care.birthdays &&
    a.care.holidays === b.care.holidays &&
    a.care.hour === b.care.hour
  );
}

function object(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidPolicy(field, 'must be an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

function integer(
  value: unknown,
  field: string,
  { min, max }: { min: number; max: number },
  orElse = '',
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidPolicy(field, `must be an integer from ${min} to ${max}${orElse ? ` ${orElse}` : ''}`);
  }
  return value;
}

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidPolicy(field, 'must be true or false');
  return value;
}
