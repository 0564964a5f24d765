// One Jest run, two projects: pure unit tests and integration tests on real PostgreSQL and Kafka.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// The path aliases of tsconfig.base.json, the one list of them, as patterns: exact ones first, so that
// `@serviceops/platform/testing` wins over `@serviceops/platform/*`.
const { paths } = require('./tsconfig.base.json').compilerOptions;
const pattern = (alias) => `^${alias.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '(.*)')}$`;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths)
    .sort(([a], [b]) => Number(a.includes('*')) - Number(b.includes('*')))
    .map(([alias, [target]]) => [pattern(alias), `<rootDir>/${target.replace('*', '$1')}`]),
);
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
};

module.exports = {
  testTimeout: 60_000,
  // One test file at a time: global-log reads see nothing past a transaction still open anywhere in the
  // PostgreSQL cluster, so a suite holding one open on purpose would stall another suite's readers.
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/infra/jest-summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,tools}/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,apps,tools}/**/*.{int,e2e}.spec.ts'],
      slowTestThreshold: 30,
    },
  ],
};
