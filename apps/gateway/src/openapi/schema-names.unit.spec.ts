import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';

// Two classes under one OpenAPI schema name make the document show one shape for both: a request the spec calls
// valid would be refused by the other's rules (the `Money` of contracts and of staff pay once did this).

const SRC = path.resolve(__dirname, '..');
const API_SCHEMA = 'swagger/apiSchema';

function shapeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return shapeFiles(full);
    return /\.(dto|views?)\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('OpenAPI schema names', () => {
  it('name one class each across every DTO and view of the gateway', () => {
    const owners = new Map<string, Set<string>>();
    const classes = new Map<string, Set<unknown>>();
    for (const file of shapeFiles(SRC)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every shape file, found at run time
      const exported = require(file) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (typeof value !== 'function') continue;
        // @ApiSchema keeps its options on the class as a list; the last one applies.
        const raw = Reflect.getOwnMetadata(API_SCHEMA, value) as { name?: string }[] | undefined;
        const schema = raw?.at(-1)?.name;
        if (!schema) continue;
        classes.set(schema, (classes.get(schema) ?? new Set()).add(value));
        owners.set(schema, (owners.get(schema) ?? new Set()).add(`${path.relative(SRC, file)}:${name}`));
      }
    }
    expect(classes.size).toBeGreaterThan(50);
    const shared = [...classes]
      .filter(([, set]) => set.size > 1)
      .map(([name]) => [name, [...(owners.get(name) ?? [])]]);
    expect(shared).toEqual([]);
  });
});
