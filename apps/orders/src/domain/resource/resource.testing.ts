import { deciderSpec } from '@serviceops/testing';
import { resourceDecider, type ResourceEvent } from './resource.decider';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-03-02T02:00:00.000Z');
export const ID = '7c2e4a91-3d5f-4b6e-8a1c-9f0d2e3b4c5a';
/** The tenant's local date is the UTC one here. */
export const spec = (given: readonly ResourceEvent[]) =>
  deciderSpec(resourceDecider, { now, today: '2026-03-02' }).given(given);

/** A resource (a tool) as registering starts it: the history the other commands are decided on. */
export const started: ResourceEvent[] = [
  {
    type: 'ResourceRegistered',
    data: {
      resourceId: ID,
      kind: 'tool',
      name: 'Torque wrench',
      price: { amount: 128_000, currency: 'CNY' },
    },
  },
];
