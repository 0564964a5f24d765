import { FixedClock } from './clock';
import { fold } from './decider';
import { isUuid, newId, streamId } from './ids';

describe('kernel helpers', () => {
  it('folds events over a state in order', () => {
    const evolve = (s: string[], e: { type: string; data: string }) => [...s, e.data];
    expect(
      fold(
        evolve,
        [],
        [
          { type: 'A', data: 'a' },
          { type: 'B', data: 'b' },
        ],
      ),
    ).toEqual(['a', 'b']);
  });

  it('makes uuids and tenant-scoped stream ids', () => {
    expect(isUuid(newId())).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(streamId('customer', 't1', 'c1')).toBe('customer-t1-c1');
  });

  it('has a clock that only moves when told', () => {
    const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:00.000Z');
  });
});
