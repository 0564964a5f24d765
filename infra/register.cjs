// Runs the TypeScript sources directly: `node -r ./infra/register.cjs apps/gateway/src/main.ts`.
// @swc/core compiles each .ts file on load (with decorator metadata, which NestJS's DI needs and esbuild
// lacks), and `@serviceops/<lib>` resolves to libs/<lib>/src. No build step, no dist/ to keep in sync.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const aliases = /^@serviceops\/([a-z-]+)(?:\/([a-z-]+))?$/;

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
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

require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
