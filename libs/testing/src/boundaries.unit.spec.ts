// The dependency rules of .dependency-cruiser.cjs (run by `npm run lint`): they catch a framework reached through
// a barrel and a cycle between folders, and the repository breaks none of them.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const CRUISE = path.join(__dirname, 'cruise.mjs');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

/** The violations dependency-cruiser's API finds under `paths`, cruising from `cwd` with the repository's rules. */
async function violations(cwd: string, paths: readonly string[]): Promise<readonly Violation[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [CRUISE, CONFIG, ...paths], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Violation[];
}

/** A small repository: files by path, plus a tsconfig mapping the @serviceops/* aliases as tsconfig.base.json does. */
function writeTree(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceops-boundaries-'));
  const tree: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        baseUrl: '.',
        paths: {
          '@serviceops/contracts': ['libs/contracts/src/index.ts'],
          '@serviceops/platform': ['libs/platform/src/index.ts'],
        },
      },
    }),
    // Stands in for the real package: the rules look at the path a dependency resolves to.
    'node_modules/@nestjs/core/package.json': JSON.stringify({ name: '@nestjs/core', main: 'index.js' }),
    'node_modules/@nestjs/core/index.js': 'exports.NestFactory = {};\n',
    ...files,
  };
  for (const [file, text] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('dependency boundaries', () => {
  const dirs: string[] = [];
  const tree = (files: Readonly<Record<string, string>>): string => {
    const dir = writeTree(files);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a domain file that loads NestJS through the contracts barrel', async () => {
    const dir = tree({
      'apps/orders/src/domain/order.decide.ts':
        "import { BUSINESS_LINES } from '@serviceops/contracts';\nexport const lines = BUSINESS_LINES;\n",
      'libs/contracts/src/index.ts': "export * from './service-config';\n",
      'libs/contracts/src/service-config.ts':
        "import { serviceConfigSpec } from '@serviceops/platform';\n" +
        "export const BUSINESS_LINES = ['hvac'] as const;\nexport const spec = serviceConfigSpec;\n",
      'libs/platform/src/index.ts':
        "import { NestFactory } from '@nestjs/core';\nexport const serviceConfigSpec = {};\nexport const nest = NestFactory;\n",
    });

    const found = (await violations(dir, ['apps', 'libs'])).map(({ rule, from, to }) => [
      rule.name,
      from,
      to,
    ]);

    expect(found).toEqual(
      expect.arrayContaining([
        ['domain-stays-pure', 'apps/orders/src/domain/order.decide.ts', 'node_modules/@nestjs/core/index.js'],
        ['contracts-stay-plain', 'libs/contracts/src/index.ts', 'node_modules/@nestjs/core/index.js'],
        ['contracts-stay-plain', 'libs/contracts/src/service-config.ts', 'libs/platform/src/index.ts'],
      ]),
    );
  });

  it('lets a domain file use a contracts barrel that loads nothing but data', async () => {
    const dir = tree({
      'apps/orders/src/domain/order.decide.ts':
        "import { BUSINESS_LINES } from '@serviceops/contracts';\nexport const lines = BUSINESS_LINES;\n",
      'libs/contracts/src/index.ts': "export * from './vocabulary';\n",
      'libs/contracts/src/vocabulary.ts': "export const BUSINESS_LINES = ['hvac'] as const;\n",
    });

    expect(await violations(dir, ['apps', 'libs'])).toEqual([]);
  });

  it('refuses a cycle between folders even when no module is in a cycle', async () => {
    const dir = tree({
      'apps/gateway/src/http/http.types.ts':
        "import type { Claims } from '../access/claims';\nexport interface Request { claims?: Claims }\n",
      'apps/gateway/src/access/claims.ts': 'export interface Claims { sub: string }\n',
      'apps/gateway/src/access/guard.ts':
        "import type { Request } from '../http/http.types';\nexport const guard = (req: Request) => req.claims;\n",
    });

    const found = await violations(dir, ['apps']);

    expect(found.map(({ rule }) => rule.name)).toContain('no-folder-cycles');
    expect(found.map(({ rule }) => rule.name)).not.toContain('no-cycles');
  });

  it('finds no violation in the repository', async () => {
    expect(await violations(ROOT, ['apps', 'libs'])).toEqual([]);
  });
});
