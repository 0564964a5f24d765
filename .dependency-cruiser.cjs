// Dependency rules that must hold transitively: what a module loads through every import it makes, barrels
// included, not only what it names. Run by `npm run lint` (`depcruise apps libs --config .dependency-cruiser.cjs`);
// libs/testing/src/boundaries.unit.spec.ts checks that the rules catch an indirect import and that the tree has none.
// ESLint (eslint.config.mjs) keeps the direct rules: Nx project tags, and no framework named in domain code.
// See docs/decisions.md, "Boundaries checked transitively".

/**
 * Test code (as eslint.config.mjs counts it, plus *.testing.ts helpers) is left out: a spec may start servers, load
 * frameworks and reach across folders to check that they fit together. ESLint still keeps it inside its project.
 */
const TEST_CODE = ['\\.spec\\.ts$', '/test/', '/bench/', '\\.testing\\.ts$'];

const pkg = (...names) => names.map((name) => `(^|/)node_modules/${name}/`);

/** Frameworks, database and broker clients: what a pure module must never load. */
const FRAMEWORKS = pkg('@nestjs', 'typeorm', 'pg', 'pg-[^/]+', 'kafkajs', '@grpc', '@opentelemetry');

/**
 * Node built-ins that reach outside the process (files, network, processes, threads, the terminal) or make
 * results depend on it (clock-free code still gets randomness from `crypto`: ids come in through the context).
 * `path`, `url`, `util` and the like are plain functions and stay allowed.
 */
const IO_BUILTINS = [
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'fs',
  'http',
  'http2',
  'https',
  'inspector',
  'net',
  'os',
  'process',
  'readline',
  'repl',
  'tls',
  'tty',
  'v8',
  'vm',
  'worker_threads',
];
const IO_BUILTIN_PATHS = [`^(node:)?(${IO_BUILTINS.join('|')})(/|$)`];

/** The layers of a service that do I/O or wire frameworks, around its pure domain. */
const SERVICE_ADAPTERS = ['^apps/[^/]+/src/(application|infrastructure|interface|projections)/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      severity: 'error',
      comment:
        'Domain code (apps/*/src/domain, libs/kernel) decides from data: it may not load a framework, a database or ' +
        'broker client, an I/O built-in or its service’s adapters, directly or through any module it imports.',
      from: { path: ['^apps/[^/]+/src/domain/', '^libs/kernel/'] },
      to: { reachable: true, path: [...FRAMEWORKS, ...IO_BUILTIN_PATHS, ...SERVICE_ADAPTERS] },
    },
    {
      name: 'contracts-stay-plain',
      severity: 'error',
      comment:
        'libs/contracts is the published language every service (and its domain) imports: plain data and types, ' +
        'no NestJS, ORM, database or broker client, nor libs/platform, directly or transitively.',
      from: { path: '^libs/contracts/' },
      to: {
        reachable: true,
        path: [...pkg('@nestjs', 'typeorm', 'pg', 'pg-[^/]+', 'kafkajs'), '^libs/platform/'],
      },
    },
    {
      name: 'apps-stay-apart',
      severity: 'error',
      comment: 'An app never imports another app’s code: what services share goes through libs/contracts.',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/serviceops/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'one-process-root-takes-entries-only',
      severity: 'error',
      comment:
        'apps/serviceops runs the platform in one process: it may load each service’s definition and the ' +
        'gateway’s factory, the entry points a process of their own loads, and nothing inside another app.',
      from: { path: '^apps/serviceops/' },
      to: {
        path: '^apps/',
        pathNot: [
          '^apps/serviceops/',
          '^apps/[^/]+/src/[^/]+\\.service-definition\\.ts$',
          '^apps/gateway/src/gateway\\.ts$',
        ],
      },
    },
    {
      name: 'libs-below-apps',
      severity: 'error',
      comment: 'Libraries are shared by every app, so they never import one.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment:
        'Folders depend one way (the gateway: http ← errors ← upstream ← access ← controllers ← grpc): two folders ' +
        'that import each other can be neither understood, tested nor moved alone, even with no module cycle.',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules import each other one way.',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the cruiser cannot resolve is one the rules above cannot check.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: TEST_CODE },
    doNotFollow: { path: ['(^|/)node_modules/'] },
    // Type-only imports count too: they tie folders together as much as value imports do.
    tsPreCompilationDeps: true,
    // Resolves the @serviceops/* aliases (tsconfig.base.json's paths) the way tsc and Jest do.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'import', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
