import { DomainError, fold } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import {
  customerPolicyDecider,
  customerPolicyStreamId,
  validateCustomerPolicy,
  type CustomerPolicyCommand,
} from './customer-policy.decider';
import type { CustomerPolicyEvent } from './customer-policy.events';
import { type CustomerPolicy, DEFAULT_CUSTOMER_POLICY } from './customer-policy.state';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly CustomerPolicyEvent[]) =>
  deciderSpec(customerPolicyDecider, { now }).given(given);

const weekly: CustomerPolicy = {
  inquiryReply: { withinBusinessHours: 8 },
  returnVisits: { afterServiceDays: 2, everyDays: 7 },
  care: { birthdays: true, holidays: false, hour: 10 },
};
const changed = (
  version: number,
  policy: CustomerPolicy,
  changedAt = now.toISOString(),
): CustomerPolicyEvent => ({
  type: 'CustomerPolicyChanged',
  data: { version, policy, changedAt },
});
const change = (policy: unknown): CustomerPolicyCommand => ({
  type: 'ChangeCustomerPolicy',
  data: { policy: policy as CustomerPolicy },
});

/** The default policy with one value replaced at a path ('returnVisits.everyDays'). */
function withValue(path: string, value: unknown): unknown {
  const copy = structuredClone(DEFAULT_CUSTOMER_POLICY) as unknown as Record<string, Record<string, unknown>>;
  const [group = '', field] = path.split('.');
  if (field === undefined) copy[group] = value as Record<string, unknown>;
  else (copy[group] ??= {})[field] = value;
  return copy;
}

describe('customer policy decider', () => {
  it('starts at version 0 with the defaults', () => {
    expect(customerPolicyDecider.initialState()).toEqual({ version: 0, policy: DEFAULT_CUSTOMER_POLICY });
    expect(DEFAULT_CUSTOMER_POLICY).toEqual({
      inquiryReply: { withinBusinessHours: 24 },
      returnVisits: { afterServiceDays: 3, everyDays: null },
      care: { birthdays: true, holidays: true, hour: 9 },
    });
  });

  it('changes the policy to version 1', () => {
    spec([])
      .when(change(weekly))
      .then([changed(1, weekly)]);
  });

  it('numbers each change after the last', () => {
    spec([changed(1, weekly, '2026-01-01T00:00:00.000Z')])
      .when(change(DEFAULT_CUSTOMER_POLICY))
      .then([changed(2, DEFAULT_CUSTOMER_POLICY)]);
  });

  it('records exactly the policy’s fields, dropping unknown ones', () => {
    spec([])
      .when(change({ ...weekly, extra: 1, care: { ...weekly.care, colour: 'red' } }))
      .then([changed(1, weekly)]);
  });

  it.each<[string, string, unknown]>([
    ['fractional reply hours', 'inquiryReply.withinBusinessHours', 0.5],
    ['the most reply hours', 'inquiryReply.withinBusinessHours', 720],
    ['visits on the day of the service', 'returnVisits.afterServiceDays', 0],
    ['visits 90 days after the service', 'returnVisits.afterServiceDays', 90],
    ['daily periodic visits', 'returnVisits.everyDays', 1],
    ['periodic visits every ten years', 'returnVisits.everyDays', 3650],
    ['greetings at midnight', 'care.hour', 0],
    ['greetings at 23:00', 'care.hour', 23],
    ['no birthday greetings', 'care.birthdays', false],
  ])('accepts %s', (_why, path, value) => {
    expect(validateCustomerPolicy(withValue(path, value))).toEqual(withValue(path, value));
  });

  it.each<[string, CustomerPolicyEvent[], CustomerPolicy]>([
    ['the defaults at version 0', [], DEFAULT_CUSTOMER_POLICY],
    ['the policy in force', [changed(1, weekly)], weekly],
    ['the policy in force, as an equal copy', [changed(1, weekly)], structuredClone(weekly)],
  ])('records nothing for %s', (_why, given, policy) => {
    spec(given).when(change(policy)).then([]);
  });

  it.each<[string, unknown, string]>([
    ['no policy', null, 'policy'],
    ['a policy that is a list', [], 'policy'],
    ['no inquiryReply', withValue('inquiryReply', undefined), 'inquiryReply'],
    ['no returnVisits', withValue('returnVisits', 'weekly'), 'returnVisits'],
    ['no care', withValue('care', null), 'care'],
    ['0 reply hours', withValue('inquiryReply.withinBusinessHours', 0), 'inquiryReply.withinBusinessHours'],
    [
      'negative reply hours',
      withValue('inquiryReply.withinBusinessHours', -1),
      'inquiryReply.withinBusinessHours',
    ],
    [
      '721 reply hours',
      withValue('inquiryReply.withinBusinessHours', 721),
      'inquiryReply.withinBusinessHours',
    ],
    [
      'infinite reply hours',
      withValue('inquiryReply.withinBusinessHours', Infinity),
      'inquiryReply.withinBusinessHours',
    ],
    [
      'NaN reply hours',
      withValue('inquiryReply.withinBusinessHours', NaN),
      'inquiryReply.withinBusinessHours',
    ],
    [
      'reply hours as text',
      withValue('inquiryReply.withinBusinessHours', '24'),
      'inquiryReply.withinBusinessHours',
    ],
    [
      'fractional visit days',
      withValue('returnVisits.afterServiceDays', 1.5),
      'returnVisits.afterServiceDays',
    ],
    ['negative visit days', withValue('returnVisits.afterServiceDays', -1), 'returnVisits.afterServiceDays'],
    ['91 visit days', withValue('returnVisits.afterServiceDays', 91), 'returnVisits.afterServiceDays'],
    ['no visit days', withValue('returnVisits.afterServiceDays', undefined), 'returnVisits.afterServiceDays'],
    ['periodic visits every 0 days', withValue('returnVisits.everyDays', 0), 'returnVisits.everyDays'],
    ['periodic visits every 3651 days', withValue('returnVisits.everyDays', 3651), 'returnVisits.everyDays'],
    ['periodic visits every 7.5 days', withValue('returnVisits.everyDays', 7.5), 'returnVisits.everyDays'],
    [
      'periodic visits left out (null means none)',
      withValue('returnVisits.everyDays', undefined),
      'returnVisits.everyDays',
    ],
    ['birthdays as text', withValue('care.birthdays', 'yes'), 'care.birthdays'],
    ['holidays left out', withValue('care.holidays', undefined), 'care.holidays'],
    ['hour 24', withValue('care.hour', 24), 'care.hour'],
    ['hour -1', withValue('care.hour', -1), 'care.hour'],
    ['hour 9.5', withValue('care.hour', 9.5), 'care.hour'],
  ])('refuses %s, naming the field', (_why, policy, field) => {
    spec([]).when(change(policy)).thenThrows('CUSTOMERS.INVALID_POLICY');
    let error: unknown;
    try {
      validateCustomerPolicy(policy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CUSTOMERS.INVALID_POLICY', details: { field } });
  });

  it('folds the changes into the version in force', () => {
    const state = fold(customerPolicyDecider.evolve, customerPolicyDecider.initialState(), [
      changed(1, weekly, '2026-01-01T00:00:00.000Z'),
      changed(2, DEFAULT_CUSTOMER_POLICY, '2026-02-01T00:00:00.000Z'),
    ]);
    expect(state).toEqual({
      version: 2,
      policy: DEFAULT_CUSTOMER_POLICY,
      changedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it('keeps one stream per tenant', () => {
    expect(customerPolicyStreamId('t1')).toBe('customer-policy-t1-t1');
  });
});
