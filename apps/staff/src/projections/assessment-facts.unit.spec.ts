import { inspectionScoreOf } from './assessment-facts.projection';

describe('a sampled chat’s quality score as an inspection (0–100)', () => {
  it.each([
    [80, 0, 100, 80],
    [0, 0, 100, 0],
    [100, 0, 100, 100],
    [4, 1, 5, 75],
    [1, 1, 5, 0],
  ])('score %p on [%p, %p] → %p', (score, scoreMin, scoreMax, expected) =>
    expect(inspectionScoreOf({ score, scoreMin, scoreMax })).toBe(expected),
  );

  it.each([
    ['below the range', { score: -1, scoreMin: 0, scoreMax: 100 }],
    ['above the range', { score: 101, scoreMin: 0, scoreMax: 100 }],
    ['an empty range', { score: 5, scoreMin: 5, scoreMax: 5 }],
    ['a reversed range', { score: 5, scoreMin: 10, scoreMax: 0 }],
    ['no range', { score: 5 }],
  ])('%s is not a score', (_, data) => expect(inspectionScoreOf(data)).toBeUndefined());
});
