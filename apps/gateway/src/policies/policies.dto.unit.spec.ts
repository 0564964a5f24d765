import { invalidPaths } from '../errors/validation.testing';
import { ChangeCustomerPolicyRequest, CustomerPolicyDto } from './policies.dto';

const defaults = {
  inquiryReply: { withinBusinessHours: 24 },
  returnVisits: { afterServiceDays: 3, everyDays: null },
  care: { birthdays: true, holidays: true, hour: 9 },
};

type Sections = Record<keyof typeof defaults, Record<string, unknown>>;

function policy(change: Partial<Sections>): Sections {
  return {
    inquiryReply: { ...defaults.inquiryReply, ...change.inquiryReply },
    returnVisits: { ...defaults.returnVisits, ...change.returnVisits },
    care: { ...defaults.care, ...change.care },
  };
}

describe('replacing the customers policy', () => {
  it.each<[string, Partial<Sections>]>([
    ['the defaults', {}],
    ['half an hour to reply', { inquiryReply: { withinBusinessHours: 0.5 } }],
    [
      'visits right after a service and every year',
      { returnVisits: { afterServiceDays: 0, everyDays: 365 } },
    ],
    ['no greetings, at midnight', { care: { birthdays: false, holidays: false, hour: 0 } }],
  ])('accepts %s', async (_, change) => {
    expect(await invalidPaths(CustomerPolicyDto, policy(change))).toEqual([]);
  });

  it.each<[string, Partial<Sections>, string[]]>([
    ['no time to reply', { inquiryReply: { withinBusinessHours: 0 } }, ['inquiryReply.withinBusinessHours']],
    [
      'over 720 hours to reply',
      { inquiryReply: { withinBusinessHours: 721 } },
      ['inquiryReply.withinBusinessHours'],
    ],
    ['hours as text', { inquiryReply: { withinBusinessHours: '24' } }, ['inquiryReply.withinBusinessHours']],
    ['fractional days', { returnVisits: { afterServiceDays: 1.5 } }, ['returnVisits.afterServiceDays']],
    [
      'over 90 days after a service',
      { returnVisits: { afterServiceDays: 91 } },
      ['returnVisits.afterServiceDays'],
    ],
    ['periodic visits every 0 days', { returnVisits: { everyDays: 0 } }, ['returnVisits.everyDays']],
    [
      'periodic visits over 3650 days apart',
      { returnVisits: { everyDays: 3651 } },
      ['returnVisits.everyDays'],
    ],
    ['a flag as text', { care: { birthdays: 'yes' } }, ['care.birthdays']],
    ['hour 24', { care: { hour: 24 } }, ['care.hour']],
    ['an unknown field in a section', { care: { weekends: true } }, ['care.weekends']],
  ])('refuses %s', async (_, change, paths) => {
    expect(await invalidPaths(CustomerPolicyDto, policy(change))).toEqual(paths);
  });

  it('needs every section and every field but everyDays', async () => {
    expect(
      await invalidPaths(CustomerPolicyDto, {
        inquiryReply: {},
        returnVisits: {},
        care: { birthdays: true },
      }),
    ).toEqual([
      'care.holidays',
      'care.hour',
      'inquiryReply.withinBusinessHours',
      'returnVisits.afterServiceDays',
    ]);
    expect(await invalidPaths(CustomerPolicyDto, { care: defaults.care })).toEqual([
      'inquiryReply',
      'returnVisits',
    ]);
  });

  it('refuses an unknown section', async () => {
    expect(await invalidPaths(CustomerPolicyDto, { ...defaults, complaints: {} })).toEqual(['complaints']);
  });

  it('over gRPC, takes absent numbers and flags as 0 and false (proto3 leaves them off the wire)', async () => {
    expect(
      await invalidPaths(ChangeCustomerPolicyRequest, {
        inquiryReply: { withinBusinessHours: 24 },
        returnVisits: {},
        care: {},
        expectedVersion: 0,
      }),
    ).toEqual([]);
  });

  it('over gRPC, still needs every section and a time to reply', async () => {
    expect(await invalidPaths(ChangeCustomerPolicyRequest, { inquiryReply: {}, care: { hour: 25 } })).toEqual(
      ['care.hour', 'inquiryReply.withinBusinessHours', 'returnVisits'],
    );
  });
});
