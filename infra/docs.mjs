// `npm run docs`: rewrites what is derived from the code and committed beside it. Unit tests fail while either is
// stale.
// - the README's configuration table, from the config specs and readers in libs/contracts
//   (tools/src/lib/config-docs.ts);
// - the services' .proto files (libs/contracts/proto), from the gateway's request and answer classes as its
//   OpenAPI document publishes them, over the committed files' field numbers (apps/gateway/src/openapi/proto-files.ts).
//   `npm run docs -- proto` writes the protos alone; `npm run docs -- readme` the README alone.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './postgres.mjs';

const require = createRequire(import.meta.url);
require('./register.cjs');

const only = process.argv[2];
if (only !== undefined && only !== 'readme' && only !== 'proto') {
  console.error(`usage: npm run docs [-- readme|proto] (not ${only})`);
  process.exit(2);
}

if (only !== 'proto') {
  const { withConfigTable } = require('../tools/src/lib/config-docs.ts');
  const readmePath = path.join(REPO_ROOT, 'README.md');
  const before = fs.readFileSync(readmePath, 'utf8');
  const after = withConfigTable(before);
  if (after === before) console.log('README.md: up to date');
  else {
    fs.writeFileSync(readmePath, after);
    console.log('README.md: configuration table rewritten');
  }
}

if (only !== 'readme') {
  const { routesOnlyDocument } = require('../apps/gateway/src/openapi/routes-only.testing.ts');
  const { protoFiles } = require('../apps/gateway/src/openapi/proto-files.ts');
  const { app, document } = await routesOnlyDocument();
  try {
    for (const { path: file, committed, written } of protoFiles(document)) {
      const name = path.relative(REPO_ROOT, file);
      if (written === committed) console.log(`${name}: up to date`);
      else {
        fs.writeFileSync(file, written);
        console.log(`${name}: rewritten`);
      }
    }
  } finally {
    await app.close();
  }
}
