// Runs dependency-cruiser's API on a tree and prints the violations as JSON, for boundaries.unit.spec.ts.
// dependency-cruiser is ESM only, which Jest's CommonJS module runtime cannot load, so the spec runs this
// script in a Node process of its own.
//
//   node libs/testing/src/cruise.mjs <config file> <path>...   (from the root of the tree to cruise)
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const [configFile, ...paths] = process.argv.slice(2);
if (!configFile || paths.length === 0) {
  console.error('usage: node cruise.mjs <config file> <path>...');
  process.exit(2);
}
const options = await extractDepcruiseOptions(path.resolve(configFile));
const tsConfigFile = options.tsConfig?.fileName;
const { output } = await cruise(
  paths,
  options,
  {},
  { tsConfig: tsConfigFile ? extractTSConfig(tsConfigFile) : {} },
);
if (typeof output === 'string') throw new Error('expected the cruise result as an object');
process.stdout.write(JSON.stringify(output.summary.violations));
