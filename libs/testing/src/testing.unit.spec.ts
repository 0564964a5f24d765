import type { Decider } from '@serviceops/kernel';
import { DomainError } from '@serviceops/kernel';
import { deciderSpec } from './given-when-then';
import { eventually, uniqueName } from './infra';

type Event = { type: 'Opened'; data: null } | { type: 'Closed'; data: null };
const door: Decider<'open' | 'close', Event, 'open' | 'closed', void> = {
  initialState: () => 'closed',
  evolve: (_state, event) => (event.type === 'Opened' ? 'open' : 'closed'),
  decide: (command, state) => {
    if (command === 'open' && state === 'open')
      throw new DomainError('DOOR.ALREADY_OPEN', 'the door is open');
    return command === 'open' ? [{ type: 'Opened', data: null }] : [{ type: 'Closed', data: null }];
  },
};

describe('test helpers', () => {
  it('runs given/when/then on a decider, for events and for refusals', () => {
    deciderSpec(door, undefined)
      .given([])
      .when('open')
      .then([{ type: 'Opened', data: null }]);
    deciderSpec(door, undefined)
      .given([{ type: 'Opened', data: null }])
      .when('open')
      .thenThrows('DOOR.ALREADY_OPEN');
  });

  it('makes names that are valid identifiers and never repeat', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('Schema-X')));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^schema_x_[a-z0-9_]+$/);
  });

  it('waits until a check gives a value, and names what it waited for when it gives up', async () => {
    let calls = 0;
    await expect(eventually('three calls', () => (++calls >= 3 ? calls : undefined))).resolves.toBe(3);
    await expect(eventually('never', () => undefined, 60)).rejects.toThrow(
      /timed out after 60 ms waiting for never/,
    );
  });
});
