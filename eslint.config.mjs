// Lint rules for the whole workspace (ESLint flat config).
//
//   npm run lint           eslint . --max-warnings 0 && prettier --check .
//   npx nx run-many -t lint  the same per project (each project's `lint` target runs eslint on its folder)
//
// What it enforces:
//   - typescript-eslint's type-checked recommended rules on every .ts file, with promises that must be handled,
//     switches that must be exhaustive and no `any`;
//   - project boundaries from the tags in each project.json (see `depConstraints` below);
//   - domain code (apps/*/src/domain/**, libs/kernel/**) free of frameworks and I/O;
//   - plain JS recommended rules on the Node scripts (.js/.mjs/.cjs), without type information;
//   - eslint-config-prettier last, so formatting is left to Prettier.
// What a module reaches through its imports (a framework behind a barrel, cycles between folders) is checked by
// dependency-cruiser (.dependency-cruiser.cjs), also in `npm run lint`.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import devkit from '@nx/devkit';
import { defineConfig } from 'eslint/config';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
/** Test-only code: specs, test helpers (*.testing.ts, as dependency-cruiser counts them) and benchmarks. These may use `type:testing` projects. */
const TEST_CODE = ['**/*.spec.ts', '**/*.testing.ts', '**/test/**/*.ts', '**/bench/**/*.ts'];

// ---------------------------------------------------------------------------------------------------------------
// Module boundaries
//
// Tags (in each project.json):
//   type:app      a deployable service (apps/*); may depend on type:lib
//   type:lib      a library; may depend on type:lib only
//   type:e2e      end-to-end suites (apps/e2e); may depend on type:lib and type:testing
//   type:testing  test support (libs/testing); may depend on type:lib and type:testing, and may be imported by
//                 test code anywhere (specs, test/, bench/), never by production code
//   scope:shared  usable by every scope; depends only on scope:shared
//   scope:<name>  one service's projects (e.g. scope:orders); depends only on scope:<name> and scope:shared
//
// Nx constraints cannot say "the same scope as the source", so one constraint is generated per scope tag found in
// the project graph: a new service only needs its tags.
// A project with no tag matching any constraint may not depend on any project at all.
// ---------------------------------------------------------------------------------------------------------------
// The rule reads Nx's cached project graph and silently skips itself when there is none, so a plain `eslint .`
// (re)builds it first; inside an Nx task (`nx run-many -t lint`) Nx has just written it.
async function loadProjectGraph() {
  if (process.env.NX_TASK_TARGET_PROJECT) {
    try {
      return devkit.readCachedProjectGraph();
    } catch {
      // no cache after all: build it
    }
  }
  return devkit.createProjectGraphAsync({ exitOnError: false });
}
const projectGraph = await loadProjectGraph();
const projectTags = [...new Set(Object.values(projectGraph.nodes).flatMap((node) => node.data.tags ?? []))];

const serviceScopes = projectTags.filter((tag) => tag.startsWith('scope:') && tag !== 'scope:shared');

const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...serviceScopes.map((scope) => ({ sourceTag: scope, onlyDependOnLibsWithTags: [scope, 'scope:shared'] })),
];

function boundaries({ testCode }) {
  const testing = testCode ? ['type:testing'] : [];
  return [
    'error',
    {
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', ...testing] },
        { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', ...testing] },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
        // End-to-end suites drive the deployables as processes, over HTTP/gRPC: libraries only, never app code.
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
        ...scopeConstraints,
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Domain purity: no frameworks, no I/O, no Node APIs in domain code.
// ---------------------------------------------------------------------------------------------------------------
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nodeBuiltins = [...new Set(builtinModules.map((m) => m.split('/')[0]))].map(escapeRegExp).join('|');
const DOMAIN_MESSAGE =
  'Domain code stays free of frameworks and I/O: move this to an adapter outside domain/.';
const domainRestrictedImports = [
  'error',
  {
    patterns: [
      { regex: '^node:', message: `Node built-in. ${DOMAIN_MESSAGE}` },
      { regex: `^(${nodeBuiltins})(/|$)`, message: `Node built-in. ${DOMAIN_MESSAGE}` },
      { regex: '^@nestjs/', message: `NestJS. ${DOMAIN_MESSAGE}` },
      { regex: '^@opentelemetry/', message: `OpenTelemetry. ${DOMAIN_MESSAGE}` },
      { regex: '^(typeorm|pg|pg-[^/]+|kafkajs)(/|$)', message: `Database/broker client. ${DOMAIN_MESSAGE}` },
    ],
  },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.data/**',
      '.nx/**',
      '.cache/**',
      'infra/kafka/target/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Registers the `@nx` plugin.
  ...nx.configs['flat/base'],

  // Plain JavaScript: Node scripts (ESM .mjs, CommonJS .js/.cjs), no type information.
  {
    files: JS,
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.node } },
    rules: {
      'no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },

  // TypeScript, type-checked.
  {
    files: TS,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@nx/enforce-module-boundaries': boundaries({ testCode: false }),
    },
  },
  {
    files: TEST_CODE,
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ testCode: true }),
    },
  },
  // The one-process root loads other apps' entry points by path (Nx forbids importing apps at all);
  // dependency-cruiser's `one-process-root-takes-entries-only` says which files it may load.
  {
    files: ['apps/serviceops/src/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },

  // Domain code: no frameworks, no I/O.
  {
    files: ['apps/*/src/domain/**/*.ts', 'libs/kernel/**/*.ts'],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': domainRestrictedImports,
    },
  },

  // Last: turn off every rule that would fight Prettier.
  prettier,
);
