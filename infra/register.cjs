// Runs the TypeScript sources directly: `node -r ./infra/register.cjs apps/gateway/src/main.ts`.
// @swc/core compiles each .ts file on load (with decorator metadata, which NestJS's DI needs and esbuild
// lacks), and `@serviceops/<lib>` resolves to libs/<lib>/src. No build step, no dist/ to keep in sync.
// Compiled files are cached in node_modules/.cache/serviceops-ts (keyed by path, size and mtime), so a
// second start loads neither the compiler (about 30 MB per process) nor compiles anything. Where the cache
// cannot be written (a read-only image), files are compiled in memory each start.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');
const Module = require('node:module');

const root = path.resolve(__dirname, '..');
const aliases = /^@serviceops\/([a-z-]+)(?:\/([a-z-]+))?$/;
const cacheDir = path.join(root, 'node_modules', '.cache', 'serviceops-ts');

// Exact aliases of tsconfig.base.json (`@serviceops/platform/testing`) as TypeScript and Jest resolve them.
const exact = Object.fromEntries(
  Object.entries(
    JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths,
  )
    .filter(([alias]) => !alias.includes('*'))
    .map(([alias, [target]]) => [alias, path.join(root, target)]),
);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (Object.hasOwn(exact, request)) return exact[request];
  const m = aliases.exec(request);
  if (m) return path.join(root, 'libs', m[1], 'src', `${m[2] ?? 'index'}.ts`);
  return resolve.call(this, request, parent, ...rest);
};

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
// A change of compiler options (or of this file) must not reuse old output.
const optionsKey = crypto
  .createHash('sha1')
  .update(JSON.stringify(options))
  .update(fs.readFileSync(__filename))
  .digest('hex');

let swc;
function compile(filename) {
  swc ??= require('@swc/core');
  return swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename }).code;
}

function cached(filename) {
  const stat = fs.statSync(filename);
  const key = crypto
    .createHash('sha1')
    .update(`${optionsKey}\0${filename}\0${stat.size}\0${stat.mtimeMs}`)
    .digest('hex');
  const file = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const code = compile(filename);
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, file); // atomic: concurrent starts never read half a file
    } catch {
      // read-only: compile again next time
    }
    return code;
  }
}

require.extensions['.ts'] = function (module, filename) {
  module._compile(cached(filename), filename);
};
process.setSourceMapsEnabled?.(true);

/** Compiles every source file of the given folders into the cache (the Docker image does this at build). */
function warm(dirs) {
  let files = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        cached(full);
        files++;
      }
    }
  };
  for (const dir of dirs) walk(path.resolve(root, dir));
  return files;
}
module.exports = { warm };
