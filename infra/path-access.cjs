// Whether another user can reach a path, judged from the mode bits of every directory on the way to it.
//
// Why: as root, infra/postgres.mjs runs PostgreSQL as the `postgres` user, which cannot enter a checkout under a
// private directory (a home of mode 0700, a `mktemp -d` folder). Spawning initdb from node_modules there fails with
// EACCES, so postgres.mjs asks this module first and moves the binaries and the cluster somewhere reachable.
// CommonJS, so that both the ESM scripts in infra/ and Jest's unit tests can load it. ACLs are not considered.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Whether a user may search (traverse) a directory with these mode bits: the owner's bits if the user owns it,
 * else the group's bits if one of the user's groups owns it, else the others' bits; root may always.
 * @param {{ mode: number, uid: number, gid: number }} stat
 * @param {{ uid: number, gids: readonly number[] }} user
 */
function canSearch(stat, user) {
  if (user.uid === 0) return true;
  if (stat.uid === user.uid) return (stat.mode & 0o100) !== 0;
  if (user.gids.includes(stat.gid)) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/**
 * The first existing directory on the way to `target` (an absolute path, its parts taken as they are, so resolve
 * symlinks first) that `user` cannot search, or undefined when every one of them lets the user through. The
 * target itself counts when it is an existing directory; parts that do not exist yet end the walk (whoever
 * creates them decides their modes).
 * @param {string} target
 * @param {{ uid: number, gids: readonly number[] }} user
 * @param {(p: string) => { mode: number, uid: number, gid: number, isDirectory(): boolean } | undefined} [stat]
 *   undefined for a path that does not exist (default: fs.statSync without throwing)
 * @returns {string | undefined}
 */
function firstUnsearchableDir(target, user, stat = statOrUndefined) {
  if (!path.isAbsolute(target)) throw new Error(`not an absolute path: ${target}`);
  const { root } = path.parse(target);
  const parts = path.normalize(target).slice(root.length).split(path.sep).filter(Boolean);
  let current = root;
  for (let i = 0; i <= parts.length; i++) {
    if (i > 0) current = path.join(current, parts[i - 1]);
    const s = stat(current);
    if (!s) return undefined;
    if (!s.isDirectory()) return undefined; // a file at the end (a binary): its directories were all searchable
    if (!canSearch(s, user)) return current;
  }
  return undefined;
}

/**
 * `path` with the symlinks of its longest existing part resolved, the rest appended as it is: the path the
 * kernel really walks, also for a directory not created yet.
 * @param {string} target
 */
function realPathSoFar(target) {
  let existing = path.resolve(target);
  const rest = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest);
    } catch (err) {
      if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') throw err;
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(target);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function statOrUndefined(p) {
  try {
    return fs.statSync(p);
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw err;
  }
}

module.exports = { canSearch, firstUnsearchableDir, realPathSoFar };
