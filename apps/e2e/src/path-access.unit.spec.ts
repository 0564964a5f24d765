// infra/path-access.cjs: how infra/postgres.mjs decides, as root, whether the postgres user can reach the
// PostgreSQL binaries and the data directory where they are, or whether they must move (see docs/deployment.md).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

interface User {
  readonly uid: number;
  readonly gids: readonly number[];
}
interface Stat {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  isDirectory(): boolean;
}
interface PathAccess {
  readonly canSearch: (stat: Stat, user: User) => boolean;
  readonly firstUnsearchableDir: (
    target: string,
    user: User,
    stat?: (p: string) => Stat | undefined,
  ) => string | undefined;
  readonly realPathSoFar: (target: string) => string;
}

// Node's own require: the module is plain CommonJS shared with the infra/*.mjs scripts.
const load = createRequire(__filename);
const { canSearch, firstUnsearchableDir, realPathSoFar } = load(
  path.resolve(__dirname, '../../../infra/path-access.cjs'),
) as PathAccess;

const ROOT_ID = 0;
const POSTGRES: User = { uid: 101, gids: [104, 103] };

const dir = (mode: number, uid = ROOT_ID, gid = ROOT_ID): Stat => ({
  mode,
  uid,
  gid,
  isDirectory: () => true,
});
const file = (mode: number): Stat => ({ mode, uid: ROOT_ID, gid: ROOT_ID, isDirectory: () => false });
const tree =
  (entries: Record<string, Stat>) =>
  (p: string): Stat | undefined =>
    entries[p];

describe('canSearch', () => {
  it.each([
    ['others may search', dir(0o755), POSTGRES, true],
    ['others may not search (mktemp -d, a private home)', dir(0o700), POSTGRES, false],
    ['others may read but not search', dir(0o754), POSTGRES, false],
    ['the owner may search', dir(0o700, 101), POSTGRES, true],
    ['the owner may not, even though others may', dir(0o601, 101), POSTGRES, false],
    ['the primary group may search', dir(0o710, ROOT_ID, 104), POSTGRES, true],
    ['a supplementary group may search', dir(0o710, ROOT_ID, 103), POSTGRES, true],
    ['the group may not, even though others may', dir(0o701, ROOT_ID, 104), POSTGRES, false],
    ['root may always', dir(0o000), { uid: ROOT_ID, gids: [ROOT_ID] }, true],
  ])('%s', (_, stat, user, expected) => {
    expect(canSearch(stat, user)).toBe(expected);
  });
});

describe('firstUnsearchableDir', () => {
  it('names the private directory a checkout under mktemp -d sits in', () => {
    const stat = tree({
      '/': dir(0o755),
      '/tmp': dir(0o1777),
      '/tmp/tmp.abc': dir(0o700),
      '/tmp/tmp.abc/repo': dir(0o755),
      '/tmp/tmp.abc/repo/node_modules': dir(0o755),
    });
    expect(firstUnsearchableDir('/tmp/tmp.abc/repo/node_modules', POSTGRES, stat)).toBe('/tmp/tmp.abc');
  });

  it('lets a user through every open directory, down to a binary at the end', () => {
    const stat = tree({
      '/': dir(0o755),
      '/work': dir(0o755),
      '/work/repo': dir(0o750, 101),
      '/work/repo/initdb': file(0o700),
    });
    expect(firstUnsearchableDir('/work/repo/initdb', POSTGRES, stat)).toBeUndefined();
  });

  it('counts the target itself when it is a directory', () => {
    const stat = tree({ '/': dir(0o755), '/root': dir(0o700) });
    expect(firstUnsearchableDir('/root', POSTGRES, stat)).toBe('/root');
  });

  it('stops at the first part that does not exist yet: whoever creates it chooses its mode', () => {
    const stat = tree({ '/': dir(0o755), '/srv': dir(0o755) });
    expect(firstUnsearchableDir('/srv/serviceops/.data/pg', POSTGRES, stat)).toBeUndefined();
  });

  it('refuses a relative path: the walk must start at the root', () => {
    expect(() => firstUnsearchableDir('.data/pg', POSTGRES, tree({}))).toThrow(/not an absolute path/);
  });
});

describe('realPathSoFar', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'path-access-')));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('follows a symlink to the directory it points to, and keeps the parts not created yet', () => {
    fs.mkdirSync(path.join(scratch, 'cluster'));
    fs.symlinkSync(path.join(scratch, 'cluster'), path.join(scratch, 'link'));
    expect(realPathSoFar(path.join(scratch, 'link', 'base', 'x'))).toBe(
      path.join(scratch, 'cluster', 'base', 'x'),
    );
  });

  it('takes a dangling symlink as it is', () => {
    fs.symlinkSync(path.join(scratch, 'gone'), path.join(scratch, 'link'));
    expect(realPathSoFar(path.join(scratch, 'link'))).toBe(path.join(scratch, 'link'));
  });
});
