import { deciderSpec } from '@serviceops/testing';
import { returnVisitDecider, type ReturnVisitContext, type ReturnVisitEvent } from './return-visit.decider';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-03-02T01:00:00.000Z');
export const ID = '8a4e2c19-5d3b-4f7a-b6e1-0c9d2f3a4b58';
/** A visit is named by `visitId` in its commands and events (the generator reads it here). */
export const ID_FIELD = 'visitId';
const CUSTOMER = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
/** The customer active: what every command on a visit needs to know of them. */
export const spec = (given: readonly ReturnVisitEvent[], context: Partial<ReturnVisitContext> = {}) =>
  deciderSpec(returnVisitDecider, { now, customer: 'active', ...context }).given(given);

/** A visit as scheduling starts it: the history the other commands are decided on. */
export const started: ReturnVisitEvent[] = [
  {
    type: 'ReturnVisitScheduled',
    data: {
      visitId: ID,
      customerId: CUSTOMER,
      reason: 'after_service',
      dueOn: '2026-03-05',
      scheduledAt: now.toISOString(),
      policyVersion: 1,
    },
  },
];
