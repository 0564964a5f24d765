/**
 * Typed configuration from environment variables, validated at boot: every problem is reported at once
 * and the process refuses to start. A spec is data, so the README's table and the deployment files'
 * tests can list exactly the variables a service reads.
 */
export type VarSpec =
  | {
      readonly kind: 'string';
      readonly default?: string;
      readonly minLength?: number;
      readonly doc: string;
      readonly secret?: boolean;
    }
  | {
      readonly kind: 'int';
      readonly default?: number;
      readonly min?: number;
      readonly max?: number;
      readonly doc: string;
    }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly default?: string;
      readonly doc: string;
    }
  | {
      readonly kind: 'url';
      readonly default?: string;
      readonly protocols: readonly string[];
      readonly doc: string;
      readonly secret?: boolean;
    }
  | { readonly kind: 'list'; readonly default?: readonly string[]; readonly doc: string };

export interface OptionalVar {
  readonly optional: true;
}
export type ConfigSpec = Readonly<Record<string, VarSpec & Partial<OptionalVar>>>;

type ValueOf<S extends VarSpec> = S extends { kind: 'int' }
  ? number
  : S extends { kind: 'list' }
    ? readonly string[]
    : string;

export type Config<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends OptionalVar ? ValueOf<S[K]> | undefined : ValueOf<S[K]>;
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function defineConfig<S extends ConfigSpec>(spec: S): S {
  return spec;
}

export function loadConfig<S extends ConfigSpec>(
  spec: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      if (s.default !== undefined) out[name] = s.default;
      else if (!s.optional) problems.push(`${name} is required (${s.doc})`);
      continue;
    }
    const problem = parse(name, s, raw, out);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config<S>;
}

function parse(name: string, s: VarSpec, raw: string, out: Record<string, unknown>): string | undefined {
  switch (s.kind) {
    case 'string':
      if (s.minLength !== undefined && raw.length < s.minLength)
        return `${name} must be at least ${s.minLength} characters`;
      out[name] = raw;
      return undefined;
    case 'int': {
      const n = Number(raw);
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) return `${name} must be an integer, got "${raw}"`;
      if (s.min !== undefined && n < s.min) return `${name} must be ≥ ${s.min}, got ${n}`;
      if (s.max !== undefined && n > s.max) return `${name} must be ≤ ${s.max}, got ${n}`;
      out[name] = n;
      return undefined;
    }
    case 'enum':
      if (!s.values.includes(raw)) return `${name} must be one of ${s.values.join(', ')}, got "${raw}"`;
      out[name] = raw;
      return undefined;
    case 'url': {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return `${name} is not a URL`;
      }
      if (!s.protocols.includes(url.protocol.replace(/:$/, '')))
        return `${name} must use ${s.protocols.join(' or ')}, got ${url.protocol}`;
      out[name] = raw;
      return undefined;
    }
    case 'list': {
      const items = raw
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (items.length === 0) return `${name} must list at least one value`;
      out[name] = items;
      return undefined;
    }
  }
}

/** Shared variables of every backend service. */
export const serviceConfigSpec = defineConfig({
  DATABASE_URL: {
    kind: 'url',
    protocols: ['postgres', 'postgresql'],
    doc: 'PostgreSQL connection string; each service keeps its own schema',
    secret: true,
  },
  TRANSPORT: {
    kind: 'enum',
    values: ['log', 'kafka'],
    default: 'log',
    doc: '`log`: consumers read producers’ event logs in the same PostgreSQL; `kafka`: relay to Kafka',
  },
  KAFKA_BROKERS: {
    kind: 'list',
    optional: true,
    doc: 'Kafka bootstrap servers, comma-separated (TRANSPORT=kafka)',
  },
  KAFKA_GROUP_ID_PREFIX: {
    kind: 'string',
    optional: true,
    doc: 'put before every Kafka consumer group id, for deployments sharing one cluster',
  },
  LOG_LEVEL: {
    kind: 'enum',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    doc: 'Log level',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    kind: 'url',
    protocols: ['http', 'https'],
    optional: true,
    doc: 'OTLP/HTTP endpoint for traces (e.g. http://otel-collector:4318); unset: traces are not exported',
  },
  DB_POOL_SIZE: { kind: 'int', default: 10, min: 1, max: 200, doc: 'PostgreSQL connections per service' },
});

export function assertTransportConfig(config: Config<typeof serviceConfigSpec>): void {
  if (config.TRANSPORT === 'kafka' && !config.KAFKA_BROKERS)
    throw new ConfigError(['KAFKA_BROKERS is required when TRANSPORT=kafka']);
}
