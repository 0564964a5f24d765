import { untilNextBeat } from './log-transport';

describe('the beat caught-up log readers poll on', () => {
  it.each([
    [1_000, 500],
    [1_001, 499],
    [1_499, 1],
    [1_500, 500],
  ])('at %i ms waits %i ms for the next multiple of 500', (now, wait) => {
    expect(untilNextBeat(500, now)).toBe(wait);
  });

  it('brings readers that start apart to the same moment', () => {
    const starts = [10_003, 10_170, 10_499];
    expect(new Set(starts.map((now) => now + untilNextBeat(500, now)))).toEqual(new Set([10_500]));
  });
});
