import { decodeCursor, keysetPage, limitOf, MAX_LIMIT } from './paging';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rows = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) - i * 60_000), id: id(i) }));

describe('keyset pages', () => {
  it.each([
    ['fewer rows than the limit', 2, 3, 2, false],
    ['exactly the limit (no row beyond it)', 3, 3, 3, false],
    ['one row beyond the limit', 4, 3, 3, true],
    ['no rows', 0, 3, 0, false],
  ])('%s: %i rows, limit %i → a page of %i, next cursor %s', (_, count, limit, size, more) => {
    const { page, nextCursor } = keysetPage(rows(count), limit, (r) => r);
    expect(page).toHaveLength(size);
    expect(nextCursor !== undefined).toBe(more);
  });

  it('the next cursor points at the last row of the page, not the extra one', () => {
    const all = rows(4);
    const { nextCursor } = keysetPage(all, 3, (r) => r);
    expect(decodeCursor(nextCursor ?? '')).toEqual(all[2]);
  });
});

describe('page limits', () => {
  it.each([
    [undefined, 50],
    [1, 1],
    [MAX_LIMIT, MAX_LIMIT],
  ])('limit %p → %i', (limit, expected) => expect(limitOf(limit)).toBe(expected));

  it.each([0, -1, MAX_LIMIT + 1, 1.5])('limit %p is refused', (limit) =>
    expect(() => limitOf(limit)).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as Error),
  );
});
