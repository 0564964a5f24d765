import { InvalidEventError, InvalidExpectedVersionError, InvalidStreamIdError } from './errors';
import { EventRegistry } from './registry';
import { assertExpectedVersion, assertStreamId, prepareEvents } from './validation';

describe('append validation', () => {
  it.each([[-1], [0.5], ['1'], [undefined], [Number.POSITIVE_INFINITY]])(
    'refuses expected version %p',
    (v) => {
      expect(() => assertExpectedVersion(v)).toThrow(InvalidExpectedVersionError);
    },
  );

  it.each([[''], ['x'.repeat(201)], ['tab\there'], [42]])('refuses stream id %p', (id) => {
    expect(() => assertStreamId(id)).toThrow(InvalidStreamIdError);
  });

  it('prepares events with ids, schema versions and merged metadata', () => {
    const registry = new EventRegistry().define('A', { version: 2 });
    const [prepared] = prepareEvents(
      [{ type: 'A', data: { x: 1 }, metadata: { reason: 'typo' } }],
      { tenantId: 't1', reason: 'default' },
      registry,
      1000,
    );
    expect(prepared).toMatchObject({ type: 'A', schemaVersion: 2, data: '{"x":1}' });
    expect(JSON.parse(prepared?.metadata ?? '')).toEqual({ tenantId: 't1', reason: 'typo' });
    expect(prepared?.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an append that repeats an event id', () => {
    const eventId = '6f1c1a4e-5d0e-4a1b-9a7f-2f4e9f0c1d2b';
    const twice = [
      { type: 'A', data: {}, eventId },
      { type: 'B', data: {}, eventId },
    ];
    expect(() => prepareEvents(twice, undefined, undefined, 1000)).toThrow(InvalidEventError);
  });
});
