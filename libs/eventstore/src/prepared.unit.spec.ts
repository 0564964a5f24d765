import { prepared } from './prepared';

describe('a prepared statement', () => {
  it('is named after its text: the same text the same name, another text another name', () => {
    const a = prepared('SELECT 1 FROM "svc".events WHERE stream_id = $1');
    expect(prepared('SELECT 1 FROM "svc".events WHERE stream_id = $1')).toBe(a);
    expect(prepared('SELECT 1 FROM "other".events WHERE stream_id = $1').name).not.toBe(a.name);
    expect(a.text).toBe('SELECT 1 FROM "svc".events WHERE stream_id = $1');
  });

  it('has a name PostgreSQL keeps whole (under 64 bytes) and that no hand-written statement takes', () => {
    const { name } = prepared('SELECT 2');
    expect(name).toMatch(/^so_[0-9a-f]{24}$/);
    expect(Buffer.byteLength(name)).toBeLessThan(64);
  });
});
