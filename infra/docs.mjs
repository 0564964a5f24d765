// `npm run docs`: rewrites what the README derives from the code (the configuration table, from the config specs
// and readers in libs/contracts; tools/src/lib/config-docs.ts). A unit test fails while the README is stale.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './postgres.mjs';

const require = createRequire(import.meta.url);
require('./register.cjs');
const { withConfigTable } = require('../tools/src/lib/config-docs.ts');

const readmePath = path.join(REPO_ROOT, 'README.md');
const before = fs.readFileSync(readmePath, 'utf8');
const after = withConfigTable(before);
if (after === before) console.log('README.md: up to date');
else {
  fs.writeFileSync(readmePath, after);
  console.log('README.md: configuration table rewritten');
}
