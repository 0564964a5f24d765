import { UnknownEventTypeError } from './errors';
import { EventRegistry } from './registry';

describe('EventRegistry', () => {
  const registry = new EventRegistry()
    .define('CustomerRegistered', {
      version: 3,
      upcasters: {
        1: (d) => ({ ...(d as object), channel: 'walk-in' }),
        2: (d) => {
          const { name, ...rest } = d as { name: string };
          return { ...rest, fullName: name };
        },
      },
    })
    .define('CustomerErased');

  it('stamps new events with the current schema version', () => {
    expect(registry.currentVersion('CustomerRegistered')).toBe(3);
    expect(registry.currentVersion('CustomerErased')).toBe(1);
  });

  it.each([
    [1, { name: 'Li' }, { fullName: 'Li', channel: 'walk-in' }],
    [2, { name: 'Li', channel: 'phone' }, { fullName: 'Li', channel: 'phone' }],
    [3, { fullName: 'Li', channel: 'web' }, { fullName: 'Li', channel: 'web' }],
  ])('upcasts version %i step by step to the current shape', (version, data, expected) => {
    expect(registry.upcast('CustomerRegistered', version, data)).toEqual({
      schemaVersion: 3,
      data: expected,
    });
  });

  it('refuses an unknown type, a missing upcaster and a version from the future', () => {
    expect(() => registry.upcast('Nope', 1, {})).toThrow(UnknownEventTypeError);
    const gap = new EventRegistry().define('T', { version: 2 });
    expect(() => gap.upcast('T', 1, {})).toThrow(/no upcaster/);
    expect(() => registry.upcast('CustomerErased', 2, {})).toThrow(UnknownEventTypeError);
  });
});
