import { factsOfMemberEvents } from './member.facts';

// What a staff member's own stream says of their line and pay (read for a hire the projection has not applied).
const hired = (amount: unknown = 20_000) => ({
  type: 'StaffMemberHired',
  data: {
    staffId: 's-1',
    role: 'coach',
    businessLine: 'driving_practice',
    payTerms: { dailyPay: { amount, currency: 'CNY' } },
  },
});
const payChanged = (amount: number) => ({
  type: 'PayTermsChanged',
  data: { staffId: 's-1', payTerms: { dailyPay: { amount, currency: 'CNY' } } },
});

describe('factsOfMemberEvents', () => {
  it.each([
    ['no event: unknown', [], { known: false, businessLine: null, dailyPay: null }],
    [
      'the hire',
      [hired()],
      { known: true, businessLine: 'driving_practice', dailyPay: { amount: 20_000, currency: 'CNY' } },
    ],
    [
      'a pay change after it: the newer pay',
      [hired(), payChanged(30_000), { type: 'StaffRoleChanged', data: { staffId: 's-1', to: 'technician' } }],
      { known: true, businessLine: 'driving_practice', dailyPay: { amount: 30_000, currency: 'CNY' } },
    ],
    [
      'a pay that is no integer: none',
      [hired(12.5)],
      { known: true, businessLine: 'driving_practice', dailyPay: null },
    ],
  ])('%s', (_why, events, facts) => {
    expect(factsOfMemberEvents(events)).toEqual(facts);
  });
});
