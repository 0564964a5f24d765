import type { Config, ConfigSpec, serviceConfigSpec, VarSpec } from '@serviceops/contracts';

// Loading and checking a configuration at boot. What a deployable reads (the specs, and the vocabulary they are
// written in) is part of the published language: libs/contracts/src/config-spec.ts and service-config.ts.

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
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

export function assertTransportConfig(
  config: Pick<Config<typeof serviceConfigSpec>, 'TRANSPORT' | 'KAFKA_BROKERS'>,
): void {
  if (config.TRANSPORT === 'kafka' && !config.KAFKA_BROKERS)
    throw new ConfigError(['KAFKA_BROKERS is required when TRANSPORT=kafka']);
}
