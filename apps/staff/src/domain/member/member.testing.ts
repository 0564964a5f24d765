import { deciderSpec } from '@serviceops/testing';
import { memberDecider, type MemberEvent } from './member.decider';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-03-02T01:00:00.000Z');
export const ID = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
/** A staff member is named by `staffId` in its commands and events (the generator reads it here). */
export const ID_FIELD = 'staffId';
export const spec = (given: readonly MemberEvent[]) =>
  deciderSpec(memberDecider, { now, timeZone: 'UTC' }).given(given);

/** A staff member as hiring starts them: the history the other commands are decided on. */
export const started: MemberEvent[] = [
  {
    type: 'StaffMemberHired',
    data: {
      staffId: ID,
      candidateId: '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69',
      postingId: '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a',
      role: 'coach',
      branchId: '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b',
      businessLine: 'driving_practice',
      payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
      name: 'Zhang Wei',
      phone: '+86 139 1234 5678',
      hiredAt: now.toISOString(),
    },
  },
];
