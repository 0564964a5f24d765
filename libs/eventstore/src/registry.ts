import { UnknownEventTypeError } from './errors';

/** Turns the data of schema version N into version N + 1. */
export type Upcaster = (data: unknown) => unknown;

export interface EventTypeDefinition {
  /** The schema version new events of this type are written with. */
  readonly version: number;
  /** upcasters[n] turns version n into n + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/**
 * The event types a store knows. Writes are stamped with the current schema version; reads of older
 * versions are upcast, one step at a time, into the current shape. Reading a type the registry does not
 * know is an error: an unknown fact must never be silently dropped.
 */
export class EventRegistry {
  private readonly types = new Map<string, EventTypeDefinition>();

  define(type: string, definition: EventTypeDefinition = { version: 1 }): this {
    if (!Number.isInteger(definition.version) || definition.version < 1) {
      throw new Error(`schema version of ${type} must be a positive integer`);
    }
    this.types.set(type, definition);
    return this;
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  currentVersion(type: string): number {
    const def = this.types.get(type);
    if (!def) throw new UnknownEventTypeError(type);
    return def.version;
  }

  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const def = this.types.get(type);
    if (!def) throw new UnknownEventTypeError(type);
    let version = schemaVersion;
    let current = data;
    while (version < def.version) {
      const step = def.upcasters?.[version];
      if (!step) throw new UnknownEventTypeError(type, version);
      current = step(current);
      version += 1;
    }
    if (version > def.version) throw new UnknownEventTypeError(type, version);
    return { schemaVersion: version, data: current };
  }
}
