import { deciderSpec } from '@serviceops/testing';
import { customerDecider, type CustomerEvent } from './customer.decider';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-11-22T08:00:00.000Z');
export const ID = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
export const spec = (given: readonly CustomerEvent[]) => deciderSpec(customerDecider, { now }).given(given);

/** A customer as registering starts them: the history the other commands are decided on. */
export const started: CustomerEvent[] = [
  {
    type: 'CustomerRegistered',
    data: { customerId: ID, channel: 'phone', registeredAt: now.toISOString(), name: 'Li Wei' },
  },
];
