// Mutation testing of the pure domain code (`npm run mutate`; one file: `npm run mutate -- --mutate libs/kernel/src/money.ts`).
// A rule whose constant or comparison can change without a test failing is a rule no test checks. Not part of
// `npm test`: a whole run takes long; docs/testing.md says how to read the report.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [unit] = require('./jest.config.js').projects;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  jest: {
    projectType: 'custom',
    // The rule tests beside the rules (the sandbox is the root): the mutants live there.
    config: {
      ...unit,
      displayName: undefined,
      rootDir: undefined,
      // MUTATE_TESTS narrows them (a glob from the root) for a quick look at one file's own tests.
      testMatch: process.env.MUTATE_TESTS
        ? [`<rootDir>/${process.env.MUTATE_TESTS}`]
        : ['<rootDir>/libs/kernel/**/*.unit.spec.ts', '<rootDir>/apps/*/src/domain/**/*.unit.spec.ts'],
    },
    enableFindRelatedTests: true,
  },
  mutate: [
    'libs/kernel/src/**/*.ts',
    'apps/*/src/domain/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.testing.ts',
    '!**/index.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A mutant that makes a loop endless is detected by its timeout: a rule test runs in milliseconds.
  timeoutMS: 2000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 75, break: null },
};
