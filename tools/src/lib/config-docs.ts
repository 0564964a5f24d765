import {
  DEPLOYABLES,
  grpcUrlVar,
  OTHER_CONFIG_READERS,
  type ConfigReader,
  type VarSpec,
} from '@serviceops/contracts';

// The README's configuration table, written from the one place each variable is read: the deployables' config
// specs (libs/contracts/src/service-config.ts) and the other readers beside them (config-readers.ts). `npm run
// docs` rewrites it between the markers; a unit test fails while the README's is stale.

export const CONFIG_TABLE_START = '<!-- config:start (npm run docs writes this table) -->';
export const CONFIG_TABLE_END = '<!-- config:end -->';

/**
 * A row of the table: the variables it documents, in the README's order. Meaning, processes and default come from
 * the readers; a row says its own only where its variables' would not do (several in one row, or one whose specs
 * differ between services).
 */
interface ConfigRow {
  readonly variables: readonly string[];
  /** The first cell, when it is not the variables' names. */
  readonly label?: string;
  readonly meaning?: string;
  readonly default?: string;
}

const MADE_BY_NPM_START = '**required** (npm start: made)';
const SERVICES = DEPLOYABLES.filter((d) => d.name !== 'gateway').map((d) => d.name);

const one = (variable: string, row: Omit<ConfigRow, 'variables'> = {}): ConfigRow => ({
  variables: [variable],
  ...row,
});

export const CONFIG_ROWS: readonly ConfigRow[] = [
  one('DATABASE_URL'),
  one('TRANSPORT'),
  one('KAFKA_BROKERS'),
  one('KAFKA_GROUP_ID_PREFIX'),
  one('LOG_LEVEL'),
  one('OTEL_EXPORTER_OTLP_ENDPOINT'),
  {
    variables: ['OTEL_SDK_DISABLED', 'OTEL_SERVICE_NAME'],
    meaning:
      'standard OpenTelemetry switches: `true` turns tracing off (about 10 % more commands/s); the service name in traces',
    default: "tracing on; the service's name",
  },
  one('OTEL_LOG_LEVEL'),
  one('DB_POOL_SIZE'),
  one('BIND_HOST'),
  one('INTERNAL_TOKEN_PUBLIC_KEYS', { default: MADE_BY_NPM_START }),
  one('GRPC_PORT', {
    meaning: 'gRPC port (gateway: the public gRPC API)',
    default: '50050 gateway, 50051 upward (one per service)',
  }),
  one('HTTP_PORT', {
    meaning: 'gateway: REST, docs, health; services: `/health/live`, `/health/ready`, `/metrics`',
    default: '3000 gateway, 3101 upward',
  }),
  one('METRICS_PORT'),
  one('METRICS_HOST'),
  one('ADMIN_PASSWORD'),
  one('PLATFORM_OPERATOR_PASSWORD'),
  one('DEFAULT_TENANT_NAME'),
  one('INVITATION_TTL_HOURS'),
  one('REFRESH_TOKEN_TTL_HOURS'),
  one('REFRESH_PURGE_INTERVAL_MINUTES'),
  one('ACTIVATION_URL'),
  one('STAFF_ARRIVAL_WAIT_MS'),
  one('MASTER_KEY', {
    meaning:
      "base64 of 32 random bytes: wraps each customer's (staff: each candidate's and staff member's; tenancy: each " +
      "user's) data key (AES-256-GCM); losing it loses personal data",
    default: MADE_BY_NPM_START,
  }),
  one('TIMER_POLL_MS', {
    meaning:
      'how often due timers are looked for (customers: reply deadlines, greetings; staff: qualification reminders ' +
      'and expiries, the end of a training session or shift; orders: first-response deadlines)',
  }),
  one('CUSTOMER_ARRIVAL_WAIT_MS'),
  one('JWT_SECRET', { default: MADE_BY_NPM_START }),
  one('JWT_TTL_SECONDS'),
  one('USER_STATUS_TTL_MS'),
  one('OIDC_ISSUER', { default: '(unset: local logins only)' }),
  one('OIDC_AUDIENCE'),
  one('OIDC_JWKS_URL', { default: '(discovered)' }),
  {
    variables: ['OIDC_TENANT_CLAIM', 'OIDC_ROLES_CLAIM', 'OIDC_USERNAME_CLAIM'],
    meaning:
      'dot paths of the claims holding the tenant id (a UUID), the roles (unknown roles and `platform_operator` ' +
      "ignored) and the user's name",
  },
  one('INTERNAL_TOKEN_PRIVATE_KEY', { default: MADE_BY_NPM_START }),
  one('INTERNAL_TOKEN_TTL_SECONDS'),
  {
    variables: SERVICES.map(grpcUrlVar),
    label: '`<SERVICE>_GRPC_URL` (`TENANCY_GRPC_URL`, `CUSTOMERS_GRPC_URL`, …)',
    meaning: "each service's gRPC address",
    default: '`127.0.0.1:50051` upward',
  },
  one('RATE_LIMIT_PER_MINUTE'),
  one('RATE_LIMIT_STORE'),
  one('LOGIN_MAX_FAILURES_PER_ACCOUNT'),
  one('LOGIN_MAX_FAILURES_PER_CLIENT'),
  one('LOGIN_FAILURE_WINDOW_SECONDS'),
  one('LOGIN_LOCK_SECONDS'),
  one('LOGIN_MAX_LOCK_SECONDS'),
  one('BODY_LIMIT'),
  one('PUBLIC_URL'),
  one('TRUST_PROXY'),
  one('EMBEDDED_PG_PORT'),
  one('SERVICEOPS_DATA_DIR'),
  one('TOPOLOGY'),
  one('SERVICE_NODE_FLAGS'),
  one('SERVICES'),
  one('SERVICEOPS_URL'),
  one('SERVICEOPS_OPERATOR_USERNAME'),
  one('SERVICEOPS_OPERATOR_PASSWORD'),
];

const code = (value: unknown): string => `\`${Array.isArray(value) ? value.join(',') : String(value)}\``;

function defaultOf(spec: VarSpec & { optional?: boolean }): string {
  if (spec.default !== undefined) return code(spec.default);
  return spec.optional ? '(unset)' : '**required**';
}

/** The processes a deployable reads it in: all of them, every backend service, or their names. */
function processesOf(names: readonly string[]): string {
  if (names.length === DEPLOYABLES.length) return 'all';
  if (names.length === SERVICES.length && !names.includes('gateway')) return 'every backend service';
  return names.join(', ');
}

/** Every variable a process of the platform reads, with its doc, default and processes. */
export function configReaders(): ReadonlyMap<string, ConfigReader> {
  const readers = new Map<string, ConfigReader>();
  const names = new Set(DEPLOYABLES.flatMap((d) => Object.keys(d.configSpec)));
  for (const name of names) {
    const specs = DEPLOYABLES.flatMap((d) => {
      const spec = (d.configSpec as Readonly<Record<string, VarSpec & { optional?: boolean }>>)[name];
      return spec ? [{ deployable: d.name, spec }] : [];
    });
    const only = <T>(values: readonly T[]): T | undefined =>
      new Set(values).size === 1 ? values[0] : undefined;
    readers.set(name, {
      // Specs that differ between services leave the row to say it (an empty doc is refused when rendered).
      doc: only(specs.map((s) => s.spec.doc)) ?? '',
      default: only(specs.map((s) => defaultOf(s.spec))) ?? '',
      processes: processesOf(specs.map((s) => s.deployable)),
    });
  }
  for (const [name, reader] of Object.entries(OTHER_CONFIG_READERS)) readers.set(name, reader);
  return readers;
}

/** The table's cells, row by row (the header first). */
export function configTableRows(): string[][] {
  const readers = configReaders();
  const cells = CONFIG_ROWS.map((row) => {
    const docs = row.variables.map((name) => {
      const reader = readers.get(name);
      if (!reader) throw new Error(`${name} is in the configuration table but no process reads it`);
      return reader;
    });
    const same = (pick: (r: ConfigReader) => string, what: string): string => {
      const values = [...new Set(docs.map(pick))];
      if (values.length !== 1 || !values[0])
        throw new Error(`${row.variables.join(', ')}: state the row's ${what}, its variables' differ`);
      return values[0];
    };
    return [
      row.label ?? row.variables.map((name) => code(name)).join(', '),
      [...new Set(docs.map((d) => d.processes))].join('; '),
      row.meaning ?? same((r) => r.doc, 'meaning'),
      row.default ??
        (docs.length === 1 ? same((r) => r.default, 'default') : docs.map((d) => d.default).join(', ')),
    ];
  });
  return [['variable', 'services', 'meaning', 'default'], ...cells];
}

/** The table as Markdown, its columns padded as Prettier pads them. */
export function configTable(): string {
  const rows = configTableRows();
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The README with its configuration table rewritten between the markers. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`the README has no ${CONFIG_TABLE_START} … ${CONFIG_TABLE_END}`);
  return `${readme.slice(0, start + CONFIG_TABLE_START.length)}\n\n${configTable()}\n\n${readme.slice(end)}`;
}

/**
 * Variables source files may read that configure no process of the platform, so the table leaves them out: the
 * system's, and those of the tests, benchmarks and tooling (the README's test configuration table has the
 * tests').
 */
export const NOT_CONFIGURATION = {
  names: [
    'NODE_ENV',
    'CI',
    'PATH',
    'SERVICEOPS_CACHE',
    'SERVICEOPS_DEV_PG_PORT',
    'SERVICEOPS_DEV_KAFKA_PORT',
    'SERVICEOPS_FRESH_INFRA',
    /** infra/pg-tools.mjs: where the PostgreSQL client tools are, instead of downloading them. */
    'PG_TOOLS_BIN_DIR',
    /** the append benchmark's pgbench. */
    'PGBENCH',
  ],
  /** Benchmarks' sizes and durations (`BENCH_*`), the OpenAPI fuzz suite's (`OPENAPI_FUZZ_*`). */
  prefixes: ['BENCH_', 'OPENAPI_FUZZ_'],
} as const;

/** The variables a source reads from `process.env`, by name (`.NAME`) or by a quoted key (`['NAME']`). */
export function envReadsIn(source: string): string[] {
  const reads = source.matchAll(
    /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/g,
  );
  return [...new Set([...reads].map((m) => m[1] ?? m[2] ?? ''))].sort();
}
