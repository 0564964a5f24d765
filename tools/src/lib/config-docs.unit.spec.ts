import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CONFIG_ROWS,
  configReaders,
  configTable,
  envReadsIn,
  NOT_CONFIGURATION,
  withConfigTable,
} from './config-docs';

const ROOT = path.resolve(__dirname, '../../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The sources of the platform and its tooling, tests included. */
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(at);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [at] : [];
  });
}

describe('the README’s configuration table', () => {
  it('is the one the readers write (else run `npm run docs`)', () => {
    expect(withConfigTable(README)).toBe(README);
  });

  it('has a row for every variable a process reads, one each', () => {
    const rowed = CONFIG_ROWS.flatMap((row) => row.variables);
    expect([...rowed].sort()).toEqual([...configReaders().keys()].sort());
    expect(new Set(rowed).size).toBe(rowed.length);
  });

  it('says which processes read a variable, from the deployables’ specs', () => {
    expect(configReaders().get('DATABASE_URL')?.processes).toBe('all');
    // The gateway follows tenancy's events too (decision 62); the bind address is the backends' alone.
    expect(configReaders().get('TRANSPORT')?.processes).toBe('all');
    expect(configReaders().get('BIND_HOST')?.processes).toBe('every backend service');
    expect(configReaders().get('JWT_SECRET')?.processes).toBe('gateway');
    expect(configTable()).toContain('| `MASTER_KEY` ');
  });
});

describe('reading the environment', () => {
  it('finds reads by name and by quoted key', () => {
    // Put together, so that this file does not read them itself.
    const env = ['process', 'env'].join('.');
    const source = `const a = ${env}.ALPHA; const b = ${env}['BETA'] ?? ${env}["GAMMA"];`;
    expect(envReadsIn(source)).toEqual(['ALPHA', 'BETA', 'GAMMA']);
  });

  it('is done only for the variables the table documents, or those it leaves out on purpose', () => {
    const readers = configReaders();
    const allowed = (name: string) =>
      readers.has(name) ||
      (NOT_CONFIGURATION.names as readonly string[]).includes(name) ||
      NOT_CONFIGURATION.prefixes.some((prefix) => name.startsWith(prefix));
    const undocumented = ['apps', 'libs', 'infra', 'tools'].flatMap(sources).flatMap((file) =>
      envReadsIn(readFileSync(path.join(ROOT, file), 'utf8'))
        .filter((name) => !allowed(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(undocumented).toEqual([]);
  });
});
