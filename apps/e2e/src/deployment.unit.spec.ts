// The deployment files (Dockerfile, docker-compose.yml, infra/otel-collector.yaml, k8s/) checked against the
// deployables' configuration contract (libs/contracts/src/service-config.ts): a renamed variable, a new
// required one or a moved port fails here instead of at `docker compose up` or in a cluster.
// Nothing is started: the files are parsed and compared, as compose, kustomize and the services would read them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEPLOYABLES, gatewayConfigSpec, type ConfigSpec } from '@serviceops/contracts';
import { assertTransportConfig, ConfigError, loadConfig } from '@serviceops/platform';

const ROOT = path.resolve(__dirname, '../../..');
const abs = (rel: string): string => path.resolve(ROOT, rel);
const read = (rel: string): string => fs.readFileSync(abs(rel), 'utf8');

type Env = Record<string, string>;
type Labels = Record<string, string>;

interface Deployable {
  readonly name: string;
  readonly spec: ConfigSpec;
}
const deployables: readonly Deployable[] = DEPLOYABLES.map((d) => ({ name: d.name, spec: d.configSpec }));
const GATEWAY = 'gateway';
const backends = deployables.filter((d) => d.name !== GATEWAY);
const deployable = (name: string): Deployable => {
  const found = deployables.find((d) => d.name === name);
  if (!found) throw new Error(`${name} is not a deployable`);
  return found;
};
/** The variable through which the gateway reaches a service: TENANCY_GRPC_URL, ... */
const grpcUrlVar = (service: string): string => `${service.toUpperCase()}_GRPC_URL`;

/** How every deployable is started: its own main.ts, compiled on load by the register hook. */
const runCommand = (name: string): string[] => [
  'node',
  '-r',
  './infra/register.cjs',
  `apps/${name}/src/main.ts`,
];

// Stand-ins for values that come from outside the files (.env, Secrets): long enough for every minLength.
const SAMPLE_SECRET = randomBytes(32).toString('base64');
const SAMPLE_DATABASE_URL = 'postgresql://serviceops:secret@serviceops-pg-rw.serviceops:5432/serviceops';

const requiredVars = (spec: ConfigSpec): string[] =>
  Object.entries(spec)
    .filter(([, s]) => s.default === undefined && !s.optional)
    .map(([name]) => name);
const secretVars = (spec: ConfigSpec): string[] =>
  Object.entries(spec)
    .filter(([, s]) => 'secret' in s && s.secret === true)
    .map(([name]) => name);
const unknownVars = (spec: ConfigSpec, names: Iterable<string>): string[] =>
  [...names].filter((name) => !(name in spec));

/** The problems the service's own validation reports at boot for this environment (none: it starts). */
function configProblems(spec: ConfigSpec, env: Env): readonly string[] {
  try {
    loadConfig(spec, env);
    // The cross-variable rule (KAFKA_BROKERS when TRANSPORT=kafka), which bootstrap and the gateway apply at boot.
    if ('TRANSPORT' in spec)
      assertTransportConfig(loadConfig(spec, env) as Parameters<typeof assertTransportConfig>[0]);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
function intVar(spec: ConfigSpec, env: Env, name: string): number {
  const value = loadConfig(spec, env)[name];
  if (typeof value !== 'number') throw new Error(`${name} is not an int variable`);
  return value;
}
function stringVar(spec: ConfigSpec, env: Env, name: string): string | undefined {
  const value = loadConfig(spec, env)[name];
  if (value !== undefined && typeof value !== 'string') throw new Error(`${name} is not a string variable`);
  return value;
}
/** `host:port` (or a URL) → its host and port. */
function hostPort(address: string): { host: string; port: number } {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  return { host: url.hostname, port: Number(url.port) };
}

// ---------------------------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------------------------
type PortEntry = string | number | { target: number | string; published?: string | number };
type VolumeEntry = string | { type?: string; source?: string; target: string };
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: PortEntry[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  restart?: string;
  volumes?: VolumeEntry[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

// `merge: true`: the file shares blocks between services with YAML merge keys (`<<: *deployable`), as compose does.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;

function composeService(name: string): ComposeService {
  const service = compose.services[name];
  if (!service) throw new Error(`docker-compose.yml has no service ${name}`);
  return service;
}
const hasComposeService = (name: string): boolean => name in compose.services;

/**
 * Compose's variable substitution as on a fresh clone whose .env sets only what the file demands: `${X:-d}` is d,
 * `${X:?message}` is a value from .env (compose refuses to start without one), `${X}` is empty.
 */
function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (match: string, _name?: string, op?: string, arg?: string) => {
      if (match === '$$') return '$';
      if (op === ':-' || op === '-') return arg ?? '';
      if (op === ':?' || op === '?') return SAMPLE_SECRET;
      return '';
    },
  );
}
/** The environment as written in the file, before substitution. */
function rawEnvironment(service: ComposeService): Env {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}
/** The environment the container gets; variables substituted to empty are left out (unset, as the service sees it). */
function composeEnv(name: string): Env {
  return Object.fromEntries(
    Object.entries(rawEnvironment(composeService(name)))
      .map(([k, v]): [string, string] => [k, interpolate(v)])
      .filter(([, v]) => v !== ''),
  );
}
function dependsOn(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([d, v]) => [d, v.condition ?? 'service_started']));
}
/** Container ports a service publishes on the host. */
function publishedPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((entry) => {
    const target =
      typeof entry === 'object' ? String(entry.target) : String(entry).split(':').pop()!.split('/')[0]!;
    return Number(target);
  });
}
function volumes(service: ComposeService): { source?: string; target: string }[] {
  return (service.volumes ?? []).map((entry) => {
    if (typeof entry === 'object') return { source: entry.source, target: entry.target };
    const [source, target] = entry.split(':');
    return target === undefined ? { target: source! } : { source, target };
  });
}
const commandOf = (service: ComposeService): string[] =>
  typeof service.command === 'string' ? service.command.split(/\s+/) : (service.command ?? []);

describe('docker-compose.yml', () => {
  it.each(deployables)('builds $name from the repository Dockerfile', ({ name }) => {
    const { build } = composeService(name);
    expect(build).toBeDefined();
    const context = typeof build === 'string' ? build : (build?.context ?? '.');
    const dockerfile = typeof build === 'object' ? (build.dockerfile ?? 'Dockerfile') : 'Dockerfile';
    expect(path.resolve(ROOT, context, dockerfile)).toBe(abs('Dockerfile'));
    expect(fs.existsSync(abs('Dockerfile'))).toBe(true);
  });

  it.each(deployables)('runs $name from its main.ts through infra/register.cjs', ({ name }) => {
    expect(commandOf(composeService(name))).toEqual(runCommand(name));
  });

  it.each(deployables)('finds apps/$name/src/main.ts on disk', ({ name }) => {
    expect(fs.existsSync(abs(`apps/${name}/src/main.ts`))).toBe(true);
  });

  it.each(deployables)('sets only variables $name reads', ({ name, spec }) => {
    expect(unknownVars(spec, Object.keys(rawEnvironment(composeService(name))))).toEqual([]);
  });

  it.each(deployables)('sets every variable $name requires', ({ name, spec }) => {
    const env = composeEnv(name);
    expect(requiredVars(spec).filter((v) => !(v in env))).toEqual([]);
  });

  it.each(deployables)('gives $name values its configuration accepts', ({ name, spec }) => {
    expect(configProblems(spec, composeEnv(name))).toEqual([]);
  });

  it.each(deployables)(
    'takes the secrets of $name from the environment (.env), not from the file',
    ({ name, spec }) => {
      const raw = rawEnvironment(composeService(name));
      expect(secretVars(spec).filter((v) => v in raw && !raw[v]!.includes('${'))).toEqual([]);
    },
  );

  it.each(deployables)('health-checks $name on /health/ready of its HTTP_PORT', ({ name, spec }) => {
    const test = composeService(name).healthcheck?.test;
    const text = Array.isArray(test) ? test.join(' ') : (test ?? '');
    const url = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/[\w/.-]*)/.exec(text);
    expect(url).not.toBeNull();
    expect(Number(url![1])).toBe(intVar(spec, composeEnv(name), 'HTTP_PORT'));
    expect(url![2]).toBe('/health/ready');
  });

  it.each(deployables)(
    'starts $name once its PostgreSQL (and Kafka) are healthy, and restarts it',
    ({ name, spec }) => {
      const env = composeEnv(name);
      const deps = dependsOn(composeService(name));
      expect(deps[hostPort(env['DATABASE_URL'] ?? '').host]).toBe('service_healthy');
      if ('TRANSPORT' in spec && stringVar(spec, env, 'TRANSPORT') === 'kafka')
        for (const broker of (env['KAFKA_BROKERS'] ?? '').split(','))
          expect(deps[hostPort(broker).host]).toBe('service_healthy');
      expect(['always', 'unless-stopped', 'on-failure']).toContain(composeService(name).restart);
    },
  );

  it.each(deployables)('connects $name to the postgres service as its user, to its database', ({ name }) => {
    const url = new URL(composeEnv(name)['DATABASE_URL'] ?? '');
    const postgres = composeService(url.hostname);
    const pgEnv = composeEnv(url.hostname);
    expect(postgres.image).toMatch(/^postgres:18\b/);
    expect(url.port || '5432').toBe('5432');
    expect(url.username).toBe(pgEnv['POSTGRES_USER']);
    expect(url.password).toBe(pgEnv['POSTGRES_PASSWORD']);
    expect(url.pathname).toBe(`/${pgEnv['POSTGRES_DB']}`);
  });

  it.each(deployables)('sends the traces of $name to the collector over OTLP/HTTP', ({ name }) => {
    const endpoint = composeEnv(name)['OTEL_EXPORTER_OTLP_ENDPOINT'];
    expect(endpoint).toBeDefined();
    const { host, port } = hostPort(endpoint!);
    expect(composeService(host).image).toMatch(/^otel\/opentelemetry-collector/);
    expect(port).toBe(hostPort(collectorReceiver('http')).port);
  });

  it.each(deployables.filter((d) => 'BIND_HOST' in d.spec))(
    'makes $name listen on every interface of its container (the default is loopback)',
    ({ name }) => {
      expect(composeEnv(name)['BIND_HOST']).toBe('0.0.0.0');
    },
  );

  it.each(deployables)('publishes the ports of $name only if it is the gateway', ({ name, spec }) => {
    const env = composeEnv(name);
    const expected =
      name === GATEWAY ? [intVar(spec, env, 'HTTP_PORT'), intVar(spec, env, 'GRPC_PORT')].sort() : [];
    expect(publishedPorts(composeService(name)).sort()).toEqual(expected);
  });

  it.each(backends)(
    'lets the gateway reach $name at its service and GRPC_PORT once healthy',
    ({ name, spec }) => {
      const gateway = deployable(GATEWAY);
      expect(gateway.spec).toHaveProperty(grpcUrlVar(name));
      const { host, port } = hostPort(composeEnv(GATEWAY)[grpcUrlVar(name)] ?? '');
      expect(host).toBe(name);
      expect(port).toBe(intVar(spec, composeEnv(name), 'GRPC_PORT'));
      expect(dependsOn(composeService(GATEWAY))[name]).toBe('service_healthy');
    },
  );

  it('names only services of the file in depends_on', () => {
    const dangling = Object.entries(compose.services).flatMap(([name, service]) =>
      Object.keys(dependsOn(service))
        .filter((dep) => !hasComposeService(dep))
        .map((dep) => `${name} → ${dep}`),
    );
    expect(dangling).toEqual([]);
  });

  it('keeps PostgreSQL 18 data in a volume at /var/lib/postgresql and health-checks it with pg_isready', () => {
    const postgres = composeService('postgres');
    expect(volumes(postgres)).toContainEqual({ source: 'postgres-data', target: '/var/lib/postgresql' });
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');
  });

  it('runs a single-node KRaft Kafka that advertises the brokers the services are given', () => {
    const kafka = composeService('kafka');
    const env = composeEnv('kafka');
    expect(kafka.image).toBe('apache/kafka:3.9.1');
    expect(env['KAFKA_PROCESS_ROLES']?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(kafka.healthcheck?.test).toBeDefined();
    const advertised = (env['KAFKA_ADVERTISED_LISTENERS'] ?? '')
      .split(',')
      .map((l) => l.replace(/^\w+:\/\//, ''));
    const brokers = deployables.flatMap(({ name }) => (composeEnv(name)['KAFKA_BROKERS'] ?? '').split(','));
    expect(brokers.filter(Boolean).length).toBeGreaterThan(0);
    for (const broker of brokers.filter(Boolean)) {
      expect(advertised).toContain(broker);
      expect(hasComposeService(hostPort(broker).host)).toBe(true);
    }
  });

  it('publishes nothing but the gateway and the Jaeger UI', () => {
    const publishing = Object.entries(compose.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(publishing.sort()).toEqual([GATEWAY, 'jaeger'].sort());
    expect(publishedPorts(composeService('jaeger'))).toEqual([16686]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// infra/otel-collector.yaml
// ---------------------------------------------------------------------------------------------------------------
interface Pipeline {
  receivers?: string[];
  processors?: string[];
  exporters?: string[];
}
interface CollectorConfig {
  receivers?: Record<string, { protocols?: Record<string, { endpoint?: string } | null> } | null>;
  processors?: Record<string, unknown>;
  exporters?: Record<string, { endpoint?: string } | null>;
  extensions?: Record<string, unknown>;
  service?: { extensions?: string[]; pipelines?: Record<string, Pipeline> };
}
const COLLECTOR_CONFIG = 'infra/otel-collector.yaml';
const collector = (
  fs.existsSync(abs(COLLECTOR_CONFIG)) ? parse(read(COLLECTOR_CONFIG)) : {}
) as CollectorConfig;
const tracesPipeline = (): Pipeline => collector.service?.pipelines?.['traces'] ?? {};
/** Endpoint of the OTLP receiver of the traces pipeline for one protocol (http or grpc). */
function collectorReceiver(protocol: 'http' | 'grpc'): string {
  const otlp = (tracesPipeline().receivers ?? []).find((r) => r === 'otlp' || r.startsWith('otlp/'));
  const endpoint = otlp ? collector.receivers?.[otlp]?.protocols?.[protocol]?.endpoint : undefined;
  if (!endpoint) throw new Error(`the traces pipeline has no OTLP ${protocol} receiver with an endpoint`);
  return endpoint;
}

describe('infra/otel-collector.yaml', () => {
  it('is the configuration the otel-collector service mounts and runs', () => {
    const service = composeService('otel-collector');
    const mounted = volumes(service).find(
      (v) => v.source && path.resolve(ROOT, v.source) === abs(COLLECTOR_CONFIG),
    );
    expect(mounted).toBeDefined();
    expect(fs.existsSync(abs(COLLECTOR_CONFIG))).toBe(true);
    expect(commandOf(service)).toContain(`--config=${mounted!.target}`);
  });

  it('receives OTLP over HTTP and gRPC on every interface, batches, and defines every component it uses', () => {
    expect(collectorReceiver('http')).toMatch(/^0\.0\.0\.0:\d+$/);
    expect(collectorReceiver('grpc')).toMatch(/^0\.0\.0\.0:\d+$/);
    const pipeline = tracesPipeline();
    expect(pipeline.processors).toContain('batch');
    const undefinedComponents = [
      ...(pipeline.receivers ?? []).filter((r) => !(r in (collector.receivers ?? {}))),
      ...(pipeline.processors ?? []).filter((p) => !(p in (collector.processors ?? {}))),
      ...(pipeline.exporters ?? []).filter((e) => !(e in (collector.exporters ?? {}))),
      ...(collector.service?.extensions ?? []).filter((e) => !(e in (collector.extensions ?? {}))),
    ];
    expect(undefinedComponents).toEqual([]);
  });

  it('exports traces to the jaeger service on its OTLP port', () => {
    const exporters = tracesPipeline().exporters ?? [];
    expect(exporters.length).toBeGreaterThan(0);
    for (const name of exporters) {
      const { host, port } = hostPort(collector.exporters?.[name]?.endpoint ?? '');
      const type = name.split('/')[0];
      expect(host).toBe('jaeger');
      expect(port).toBe(type === 'otlphttp' ? 4318 : 4317);
    }
    expect(composeService('jaeger').image).toMatch(/^jaegertracing\//);
    expect(composeEnv('jaeger')['COLLECTOR_OTLP_ENABLED']).toBe('true');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile and .dockerignore
// ---------------------------------------------------------------------------------------------------------------
interface Instruction {
  readonly op: string;
  readonly args: string;
}
const instructions: readonly Instruction[] = read('Dockerfile')
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`unreadable Dockerfile line: ${line}`);
    return { op: m[1]!.toUpperCase(), args: m[2]! };
  });
const lastIndex = (op: string): number => instructions.map((i) => i.op).lastIndexOf(op);
const execForm = (args: string): string[] =>
  args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];
/** COPY sources taken from the build context (not from another stage). */
const contextCopies = (): string[] =>
  instructions
    .filter((i) => i.op === 'COPY' || i.op === 'ADD')
    .map((i) => i.args.split(/\s+/))
    .filter((words) => !words.some((w) => w.startsWith('--from')))
    .flatMap((words) => words.filter((w) => !w.startsWith('--')).slice(0, -1))
    .map((source) => source.replace(/^\.\//, ''));

/** The .dockerignore syntax used here: globs with `*`, `?`, `**`, `!` exceptions; a match excludes the subtree. */
function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (pattern.charAt(i) === '*') re += '[^/]*';
    else if (pattern.charAt(i) === '?') re += '[^/]';
    else re += pattern.charAt(i).replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}
function dockerignored(rel: string): boolean {
  const patterns = read('.dockerignore')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  let ignored = false;
  for (const line of patterns) {
    const exception = line.startsWith('!');
    const pattern = (exception ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    if (globToRegExp(pattern).test(rel)) ignored = !exception;
  }
  return ignored;
}

describe('Dockerfile', () => {
  it('starts the service through infra/register.cjs in its CMD/ENTRYPOINT', () => {
    const entrypoint =
      lastIndex('ENTRYPOINT') >= 0 ? execForm(instructions[lastIndex('ENTRYPOINT')]!.args) : [];
    const cmd = lastIndex('CMD') >= 0 ? execForm(instructions[lastIndex('CMD')]!.args) : [];
    const command = [...entrypoint, ...cmd].join(' ');
    expect(command).toMatch(/\bnode -r \.\/infra\/register\.cjs "?apps\/.+\/src\/main\.ts/);
    expect(fs.existsSync(abs('infra/register.cjs'))).toBe(true);
    expect(contextCopies().some((s) => ['infra/register.cjs', 'infra', '.'].includes(s))).toBe(true);
  });

  it('builds on Node 20 and runs as a non-root user', () => {
    const args = Object.fromEntries(
      instructions
        .slice(
          0,
          instructions.findIndex((i) => i.op === 'FROM'),
        )
        .filter((i) => i.op === 'ARG')
        .map((i) => i.args.split('=') as [string, string]),
    );
    const stages = new Set<string>();
    const images: string[] = [];
    for (const { args: from } of instructions.filter((i) => i.op === 'FROM')) {
      const [image = '', , alias] = from
        .replace(/\$\{(\w+)\}/g, (_m, arg: string) => args[arg] ?? '')
        .split(/\s+/);
      if (!stages.has(image)) images.push(image);
      if (alias) stages.add(alias);
    }
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:20\b/);
    const user = lastIndex('USER') > lastIndex('FROM') ? instructions[lastIndex('USER')]!.args : 'root';
    expect(['root', '0', '0:0']).not.toContain(user);
  });

  it('copies from the build context only files that exist and that .dockerignore keeps', () => {
    const copies = contextCopies();
    expect(copies).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
    expect(copies.filter((source) => !fs.existsSync(abs(source)))).toEqual([]);
    expect(copies.filter(dockerignored)).toEqual([]);
  });

  it('keeps dependencies, local data, git, build output and .env out of the build context', () => {
    const kept = ['node_modules', '.data', '.git', 'dist', 'coverage', '.env', 'libs/x/node_modules'].filter(
      (p) => !dockerignored(p),
    );
    expect(kept).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// k8s/
// ---------------------------------------------------------------------------------------------------------------
interface Metadata {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Labels;
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  spec?: unknown;
  stringData?: Env;
  data?: Env;
}
interface Probe {
  httpGet?: { path: string; port: number | string };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string; optional?: boolean } }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Labels; limits?: Labels };
  securityContext?: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
  };
}
interface Deployment extends K8sObject {
  spec: {
    selector: { matchLabels: Labels };
    template: {
      metadata: { labels: Labels; annotations?: Labels };
      spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
    };
  };
}
interface Service extends K8sObject {
  spec: { selector: Labels; ports: { name?: string; port: number; targetPort?: number | string }[] };
}
interface Hpa extends K8sObject {
  spec: {
    scaleTargetRef: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: { type: string; resource?: { name: string } }[];
  };
}
interface Pdb extends K8sObject {
  spec: { minAvailable?: number | string; selector: { matchLabels: Labels } };
}
interface Peer {
  podSelector?: { matchLabels?: Labels; matchExpressions?: unknown[] };
  namespaceSelector?: { matchLabels?: Labels };
  ipBlock?: unknown;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { protocol?: string; port?: number | string }[];
}
interface NetworkPolicy extends K8sObject {
  spec: {
    podSelector: { matchLabels?: Labels; matchExpressions?: unknown[] };
    policyTypes?: string[];
    ingress?: Rule[];
    egress?: Rule[];
  };
}
interface Generator {
  name: string;
  behavior?: string;
  literals?: string[];
  envs?: string[];
  files?: string[];
}
interface Kustomization {
  namespace?: string;
  resources?: string[];
  patches?: { path?: string; patch?: string }[];
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
}

function yamlDocuments(rel: string): K8sObject[] {
  return parseAllDocuments(read(rel)).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${rel}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS() as K8sObject | null;
    return value ? [value] : [];
  });
}
function kustomizationDirs(dir = 'k8s'): string[] {
  return fs.readdirSync(abs(dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return kustomizationDirs(rel);
    return entry.name === 'kustomization.yaml' ? [dir] : [];
  });
}
const kustomization = (dir: string): Kustomization =>
  parse(read(`${dir}/kustomization.yaml`)) as Kustomization;
const literals = (generator: Generator): Env =>
  Object.fromEntries(
    (generator.literals ?? []).map((l) => {
      const eq = l.indexOf('=');
      return [l.slice(0, eq), l.slice(eq + 1)];
    }),
  );
const envFile = (rel: string): string[] =>
  read(rel)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('=')[0]!);

const BASE = 'k8s/base';
const OVERLAYS = ['dev', 'prod'] as const;
const base = kustomization(BASE);
// A resource that is missing fails its own test (kustomization.yaml refers only to files that exist), not the suite.
const baseObjects: K8sObject[] = (base.resources ?? [])
  .map((r) => `${BASE}/${r}`)
  .filter((rel) => fs.existsSync(abs(rel)) && fs.statSync(abs(rel)).isFile())
  .flatMap(yamlDocuments);
const baseConfigMaps = new Map((base.configMapGenerator ?? []).map((g) => [g.name, literals(g)]));
/** The Secrets the Deployments read, as documented (with placeholders) in secret.example.yaml. */
const exampleSecrets = new Map(
  yamlDocuments(`${BASE}/secret.example.yaml`)
    .filter((o) => o.kind === 'Secret')
    .map((o) => [o.metadata.name, Object.keys({ ...o.data, ...o.stringData })]),
);

function k8s<T extends K8sObject>(kind: string, name: string): T {
  const found = baseObjects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`k8s/base has no ${kind} ${name}`);
  return found as T;
}
const k8sAll = <T extends K8sObject>(kind: string): T[] => baseObjects.filter((o) => o.kind === kind) as T[];
const containerOf = (name: string): Container => {
  const container = k8s<Deployment>('Deployment', name).spec.template.spec.containers.find(
    (c) => c.name === name,
  );
  if (!container) throw new Error(`Deployment ${name} has no container ${name}`);
  return container;
};
const podLabels = (name: string): Labels => k8s<Deployment>('Deployment', name).spec.template.metadata.labels;
const matches = (selector: Labels | undefined, labels: Labels): boolean =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
const namedPort = (container: Container, port: number | string | undefined): number | undefined =>
  typeof port === 'string' ? container.ports?.find((p) => p.name === port)?.containerPort : port;

/**
 * The variables a Deployment's pods get, with their values where the files hold them: ConfigMap values, a
 * stand-in for what Secrets hold. `configMaps` are the generated ConfigMaps (the base's, or an overlay's merge).
 */
function podEnv(name: string, configMaps: Map<string, Env> = baseConfigMaps): Env {
  const container = containerOf(name);
  const env: Env = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const data = configMaps.get(source.configMapRef.name);
      if (!data)
        throw new Error(`${name} reads ConfigMap ${source.configMapRef.name}, which is not generated`);
      Object.assign(env, data);
    }
    if (source.secretRef) {
      const keys = exampleSecrets.get(source.secretRef.name);
      if (!keys)
        throw new Error(`${name} reads Secret ${source.secretRef.name}, missing from secret.example.yaml`);
      for (const key of keys) env[key] = SAMPLE_SECRET;
    }
  }
  for (const entry of container.env ?? [])
    env[entry.name] = entry.value ?? (entry.name === 'DATABASE_URL' ? SAMPLE_DATABASE_URL : SAMPLE_SECRET);
  return env;
}
const policiesFor = (name: string): NetworkPolicy[] =>
  k8sAll<NetworkPolicy>('NetworkPolicy').filter((p) =>
    matches(p.spec.podSelector.matchLabels, podLabels(name)),
  );
const allowsPort = (rule: Rule, port: number, container?: Container): boolean =>
  !rule.ports?.length ||
  rule.ports.some(
    (p) => p.port === undefined || (container ? namedPort(container, p.port) : p.port) === port,
  );

describe('k8s', () => {
  it.each(kustomizationDirs())('%s/kustomization.yaml refers only to files that exist', (dir) => {
    const k = kustomization(dir);
    const missing = [
      ...(k.resources ?? []).filter((r) => {
        const target = abs(`${dir}/${r}`);
        return (
          !fs.existsSync(target) ||
          (fs.statSync(target).isDirectory() && !fs.existsSync(`${target}/kustomization.yaml`))
        );
      }),
      ...(k.patches ?? [])
        .flatMap((p) => (p.path ? [p.path] : []))
        .filter((p) => !fs.existsSync(abs(`${dir}/${p}`))),
      // Generator inputs may hold secrets and stay untracked: then a committed <file>.example stands for them.
      ...[...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])]
        .flatMap((g) => [...(g.envs ?? []), ...(g.files ?? [])])
        .filter((f) => !fs.existsSync(abs(`${dir}/${f}`)) && !fs.existsSync(abs(`${dir}/${f}.example`))),
    ];
    expect(missing).toEqual([]);
  });

  it('puts the base in the serviceops namespace, which it creates, and deploys no secret value', () => {
    expect(base.namespace).toBe('serviceops');
    expect(k8s('Namespace', 'serviceops')).toBeDefined();
    expect(k8sAll('Secret')).toEqual([]);
    expect(base.resources).not.toContain('secret.example.yaml');
  });

  it.each(deployables.filter((d) => 'BIND_HOST' in d.spec))(
    'base: makes $name listen on every interface of its pod (the default is loopback)',
    ({ name }) => {
      expect(baseConfigMaps.get(`${name}-config`)?.['BIND_HOST']).toBe('0.0.0.0');
    },
  );

  it.each(deployables)('base: runs $name from its main.ts in a Deployment of the image', ({ name }) => {
    const container = containerOf(name);
    expect(container.command).toEqual(runCommand(name));
    for (const overlay of OVERLAYS)
      expect(kustomization(`k8s/overlays/${overlay}`).images?.map((i) => i.name)).toContain(container.image);
  });

  it.each(deployables)(
    'base: probes $name on /health/live and /health/ready of its HTTP_PORT',
    ({ name, spec }) => {
      const container = containerOf(name);
      const env = podEnv(name);
      const http = intVar(spec, env, 'HTTP_PORT');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(namedPort(container, container.livenessProbe?.httpGet?.port)).toBe(http);
      expect(namedPort(container, container.readinessProbe?.httpGet?.port)).toBe(http);
      expect(container.ports?.map((p) => p.containerPort).sort()).toEqual(
        [
          http,
          intVar(spec, env, 'GRPC_PORT'),
          ...('METRICS_PORT' in spec ? [intVar(spec, env, 'METRICS_PORT')] : []),
        ].sort(),
      );
    },
  );

  it.each(deployables)(
    'base: bounds $name resources and runs it non-root on a read-only root filesystem',
    ({ name }) => {
      const container = containerOf(name);
      const pod = k8s<Deployment>('Deployment', name).spec.template.spec;
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(container.resources?.limits?.['memory']).toBeDefined();
      expect(pod.securityContext?.runAsNonRoot ?? container.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
    },
  );

  it.each(deployables)(
    'base: exposes $name through a Service on its gRPC and HTTP ports',
    ({ name, spec }) => {
      const service = k8s<Service>('Service', name);
      const container = containerOf(name);
      const env = podEnv(name);
      expect(Object.keys(service.spec.selector).length).toBeGreaterThan(0);
      expect(matches(service.spec.selector, podLabels(name))).toBe(true);
      for (const port of [intVar(spec, env, 'GRPC_PORT'), intVar(spec, env, 'HTTP_PORT')]) {
        const exposed = service.spec.ports.find((p) => p.port === port);
        expect(exposed).toBeDefined();
        expect(namedPort(container, exposed!.targetPort ?? exposed!.port)).toBe(port);
      }
    },
  );

  it.each(deployables)('base: scales $name on CPU and keeps one pod through disruptions', ({ name }) => {
    const hpa = k8s<Hpa>('HorizontalPodAutoscaler', name);
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name });
    expect(hpa.spec.metrics?.map((m) => m.resource?.name)).toContain('cpu');
    expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas ?? 1);
    const pdb = k8s<Pdb>('PodDisruptionBudget', name);
    expect(pdb.spec.minAvailable).toBe(1);
    expect(matches(pdb.spec.selector.matchLabels, podLabels(name))).toBe(true);
  });

  it.each(deployables)(
    'base: gives $name only variables it reads, from its ConfigMap and Secret',
    ({ name, spec }) => {
      expect(unknownVars(spec, Object.keys(podEnv(name)))).toEqual([]);
    },
  );

  it.each(deployables)('base: gives $name every variable it requires', ({ name, spec }) => {
    const env = podEnv(name);
    expect(requiredVars(spec).filter((v) => !(v in env))).toEqual([]);
  });

  it.each(deployables)('base: gives $name values its configuration accepts', ({ name, spec }) => {
    expect(configProblems(spec, podEnv(name))).toEqual([]);
  });

  it.each(deployables)(
    "base: reads $name's DATABASE_URL from the CloudNativePG cluster's app Secret",
    ({ name }) => {
      const [cluster] = k8sAll<K8sObject & { spec: { bootstrap?: { initdb?: { database?: string } } } }>(
        'Cluster',
      );
      expect(cluster?.spec.bootstrap?.initdb?.database).toBe('serviceops');
      const ref = containerOf(name).env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
      expect(ref).toEqual({ name: `${cluster!.metadata.name}-app`, key: 'uri' });
    },
  );

  it.each(backends)(
    'base: lets the gateway reach $name at its Service on its GRPC_PORT',
    ({ name, spec }) => {
      const { host, port } = hostPort(podEnv(GATEWAY)[grpcUrlVar(name)] ?? '');
      expect(host).toBe(k8s<Service>('Service', name).metadata.name);
      expect(port).toBe(intVar(spec, podEnv(name), 'GRPC_PORT'));
    },
  );

  it.each(deployables)('base: denies $name all traffic by default', ({ name }) => {
    const denyAll = policiesFor(name).filter(
      (p) =>
        ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) &&
        !p.spec.ingress?.length &&
        !p.spec.egress?.length,
    );
    expect(denyAll.length).toBeGreaterThan(0);
    expect(k8sAll<NetworkPolicy>('NetworkPolicy').every((p) => !p.spec.podSelector.matchExpressions)).toBe(
      true,
    );
  });

  it.each(deployables)(
    'base: lets $name reach DNS, PostgreSQL, the collector and (if it uses it) Kafka',
    ({ name, spec }) => {
      const env = podEnv(name);
      const egress = policiesFor(name).flatMap((p) => p.spec.egress ?? []);
      const reaches = (port: number, peer?: Labels): boolean =>
        egress.some(
          (rule) =>
            allowsPort(rule, port) &&
            (!peer || (rule.to ?? []).some((to) => matches(peer, to.podSelector?.matchLabels ?? {}))),
        );
      const [cluster] = k8sAll('Cluster');
      expect(reaches(53)).toBe(true);
      expect(reaches(5432, { 'cnpg.io/cluster': cluster!.metadata.name })).toBe(true);
      expect(reaches(hostPort(env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? '').port)).toBe(true);
      if ('TRANSPORT' in spec && stringVar(spec, env, 'TRANSPORT') === 'kafka') {
        const [kafka] = k8sAll('Kafka');
        for (const broker of (env['KAFKA_BROKERS'] ?? '').split(','))
          expect(reaches(hostPort(broker).port, { 'strimzi.io/cluster': kafka!.metadata.name })).toBe(true);
      }
    },
  );

  it.each(deployables)(
    'base: lets Prometheus scrape /metrics of $name on its METRICS_PORT, else its HTTP_PORT',
    ({ name, spec }) => {
      const env = podEnv(name);
      const port = intVar(spec, env, 'METRICS_PORT' in spec ? 'METRICS_PORT' : 'HTTP_PORT');
      // A metrics port of its own must listen beyond the pod's loopback for Prometheus to reach it.
      if ('METRICS_HOST' in spec) expect(env['METRICS_HOST']).toBe('0.0.0.0');
      const annotations = k8s<Deployment>('Deployment', name).spec.template.metadata.annotations ?? {};
      expect(annotations).toMatchObject({
        'prometheus.io/port': String(port),
        'prometheus.io/path': '/metrics',
      });
      const ingress = policiesFor(name).flatMap((p) => p.spec.ingress ?? []);
      expect(ingress.some((rule) => allowsPort(rule, port, containerOf(name)))).toBe(true);
    },
  );

  it('base: admits only Prometheus to the gateway’s METRICS_PORT', () => {
    const port = intVar(gatewayConfigSpec, podEnv(GATEWAY), 'METRICS_PORT');
    const rules = policiesFor(GATEWAY)
      .flatMap((p) => p.spec.ingress ?? [])
      .filter((rule) => allowsPort(rule, port, containerOf(GATEWAY)));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules)
      expect(rule.from?.map((peer) => peer.namespaceSelector?.matchLabels)).toEqual([
        { 'kubernetes.io/metadata.name': 'monitoring' },
      ]);
  });

  it.each(backends)('base: admits only the gateway to the gRPC port of $name', ({ name, spec }) => {
    const grpc = intVar(spec, podEnv(name), 'GRPC_PORT');
    const rules = policiesFor(name)
      .flatMap((p) => p.spec.ingress ?? [])
      .filter((rule) => allowsPort(rule, grpc, containerOf(name)));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.from?.length).toBeGreaterThan(0);
      for (const peer of rule.from ?? []) {
        expect(peer.namespaceSelector ?? peer.ipBlock).toBeUndefined();
        expect(Object.keys(peer.podSelector?.matchLabels ?? {}).length).toBeGreaterThan(0);
        expect(matches(peer.podSelector?.matchLabels, podLabels(GATEWAY))).toBe(true);
      }
    }
    const gatewayEgress = policiesFor(GATEWAY).flatMap((p) => p.spec.egress ?? []);
    expect(
      gatewayEgress.some(
        (rule) =>
          allowsPort(rule, grpc) &&
          (rule.to ?? []).some((to) => matches(to.podSelector?.matchLabels, podLabels(name))),
      ),
    ).toBe(true);
  });

  it('base: admits anyone to the REST and gRPC ports of the gateway', () => {
    const { spec } = deployable(GATEWAY);
    const env = podEnv(GATEWAY);
    const open = policiesFor(GATEWAY)
      .flatMap((p) => p.spec.ingress ?? [])
      .filter((rule) => !rule.from?.length);
    for (const port of [intVar(spec, env, 'HTTP_PORT'), intVar(spec, env, 'GRPC_PORT')])
      expect(open.some((rule) => allowsPort(rule, port, containerOf(GATEWAY)))).toBe(true);
  });

  it("base: runs Kafka in KRaft mode with a node pool of controllers and brokers behind the services' KAFKA_BROKERS", () => {
    const [kafka] = k8sAll<K8sObject & { spec: { kafka: { listeners: { port: number; tls?: boolean }[] } } }>(
      'Kafka',
    );
    expect(kafka?.metadata.annotations).toMatchObject({ 'strimzi.io/kraft': 'enabled' });
    const pools = k8sAll<K8sObject & { spec: { roles: string[] } }>('KafkaNodePool').filter(
      (pool) => pool.metadata.labels?.['strimzi.io/cluster'] === kafka!.metadata.name,
    );
    expect(new Set(pools.flatMap((pool) => pool.spec.roles))).toEqual(new Set(['broker', 'controller']));
    const plain = kafka!.spec.kafka.listeners.find((l) => !l.tls);
    const bootstrap = `${kafka!.metadata.name}-kafka-bootstrap:${plain?.port}`;
    for (const { name } of backends) expect(podEnv(name)['KAFKA_BROKERS']).toBe(bootstrap);
  });

  it.each(['tenancy.events.v1', 'tenancy.events.v1.dlq', 'customers.events.v1', 'customers.events.v1.dlq'])(
    'base: declares the topic %s on that Kafka cluster',
    (topic) => {
      const [kafka] = k8sAll('Kafka');
      const declared = k8sAll<K8sObject & { spec: { topicName?: string } }>('KafkaTopic').find(
        (t) => (t.spec.topicName ?? t.metadata.name) === topic,
      );
      expect(declared?.metadata.labels?.['strimzi.io/cluster']).toBe(kafka?.metadata.name);
    },
  );

  it.each(OVERLAYS)(
    'overlay %s builds on the base and sets the image tag and every replica count',
    (overlay) => {
      const k = kustomization(`k8s/overlays/${overlay}`);
      expect(k.resources).toContain('../../base');
      const images = deployables.map(({ name }) => containerOf(name).image);
      for (const image of new Set(images))
        expect(k.images?.find((i) => i.name === image)?.newTag).toBeTruthy();
      expect(k.replicas?.map((r) => r.name).sort()).toEqual(deployables.map((d) => d.name).sort());
    },
  );

  it.each(OVERLAYS)(
    'overlay %s gives every deployable only known variables, with values it accepts',
    (overlay) => {
      const configMaps = new Map([...baseConfigMaps].map(([name, data]) => [name, { ...data }]));
      for (const g of kustomization(`k8s/overlays/${overlay}`).configMapGenerator ?? []) {
        const merged = g.behavior === 'merge' ? { ...configMaps.get(g.name), ...literals(g) } : literals(g);
        configMaps.set(g.name, merged);
      }
      const problems = deployables.flatMap(({ name, spec }) => {
        const env = podEnv(name, configMaps);
        return [...unknownVars(spec, Object.keys(env)), ...configProblems(spec, env)].map(
          (p) => `${name}: ${p}`,
        );
      });
      expect(problems).toEqual([]);
    },
  );

  it("overlay dev generates the Secrets the Deployments read, from example files with the secrets' keys", () => {
    const dir = 'k8s/overlays/dev';
    const generated = kustomization(dir).secretGenerator ?? [];
    expect(generated.map((g) => g.name).sort()).toEqual([...exampleSecrets.keys()].sort());
    for (const g of generated) {
      const keys = (g.envs ?? []).flatMap((f) => envFile(`${dir}/${f}.example`));
      expect(keys.sort()).toEqual([...(exampleSecrets.get(g.name) ?? [])].sort());
    }
  });
});
