/**
 * Variables read outside the deployables' config specs (service-config.ts): by `npm start`'s launcher, by the
 * one-process entry, by OpenTelemetry's SDK and by `npm run tenants`. With the specs they are every variable a
 * process of the platform reads (a test fails on a variable read from `process.env` that is neither, tools/src/lib/config-docs.ts).
 */
export interface ConfigReader {
  /** What it sets, as the README's configuration table says it. */
  readonly doc: string;
  /** Its default, as the README says it. */
  readonly default: string;
  /** Which processes read it. */
  readonly processes: string;
}

export const OTHER_CONFIG_READERS = {
  OTEL_SDK_DISABLED: {
    doc: 'standard OpenTelemetry switch: `true` turns tracing off (about 10 % more commands/s)',
    default: 'tracing on',
    processes: 'all',
  },
  OTEL_SERVICE_NAME: {
    doc: 'standard OpenTelemetry: the service name in traces',
    default: "the service's name",
    processes: 'all',
  },
  OTEL_LOG_LEVEL: {
    doc: '`debug`: the OpenTelemetry SDK logs its own diagnostics',
    default: '(unset)',
    processes: 'all',
  },
  EMBEDDED_PG_PORT: { doc: 'port of the embedded PostgreSQL', default: '`54329`', processes: '`npm start`' },
  SERVICEOPS_DATA_DIR: {
    doc: 'where the embedded PostgreSQL, secrets and logs live (also `--data-dir`)',
    default: '`./.data`',
    processes: '`npm start`',
  },
  TOPOLOGY: {
    doc: '`one`: every service and the gateway in one process; `processes`: one each (also `--topology`)',
    default: '`one`',
    processes: '`npm start`',
  },
  SERVICE_NODE_FLAGS: {
    doc: 'Node flags the launcher passes to each process it starts (`--cpu-prof --cpu-prof-dir=DIR` profiles them)',
    default: '(unset)',
    processes: '`npm start`',
  },
  SERVICES: {
    doc:
      'the parts its process runs, comma-separated (`tenancy,customers,analytics,gateway`); ' +
      "`CUSTOMERS_GRPC_PORT` and the like set one part's variable",
    default: '`all`',
    processes: 'apps/serviceops',
  },
  SERVICEOPS_URL: {
    doc: 'the gateway `npm run tenants` talks to (also `--url`)',
    default: '`http://localhost:3000`',
    processes: '`npm run tenants`',
  },
  SERVICEOPS_OPERATOR_USERNAME: {
    doc: 'the platform operator `npm run tenants` signs in as (also `--operator-username`)',
    default: '`operator`',
    processes: '`npm run tenants`',
  },
  SERVICEOPS_OPERATOR_PASSWORD: {
    doc: 'their password (also `--operator-password`; else `PLATFORM_OPERATOR_PASSWORD`)',
    default: '**required**',
    processes: '`npm run tenants`',
  },
} as const satisfies Record<string, ConfigReader>;
