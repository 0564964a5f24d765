import { formatFiles, type Tree } from '@nx/devkit';
import { Pair, Scalar, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { namesOf, RESERVED_SERVICE_NAMES, SERVICE_NAME } from '../../lib/names';
import { addElement, addImport, addProperty, addStatementAfter, ts } from '../../lib/ts-source';
import { FILES, nextPorts, serviceNames } from '../../lib/workspace';
import {
  anchored,
  editYaml,
  editYamlDocuments,
  flowList,
  insertBefore,
  mapAt,
  readText,
  scalarOf,
  seqAt,
} from '../../lib/yaml-source';
import * as files from './files';

export interface ServiceGeneratorSchema {
  /** One lower-case word: `orders`. */
  readonly name: string;
  /** What the service does, one sentence (proto and service definition comments). */
  readonly description?: string;
}

/** Refuses a name that is not one lower-case word, is reserved, or is taken. */
function checkServiceName(tree: Tree, name: string): void {
  if (!SERVICE_NAME.test(name))
    throw new Error(
      `"${name}" is not a service name: one lower-case word of 2–30 letters and digits (\`orders\`). ` +
        'It also names the service’s PostgreSQL schema, Kafka topic, proto package and <NAME>_GRPC_URL, ' +
        'none of which take a hyphen.',
    );
  if (RESERVED_SERVICE_NAMES.includes(name)) throw new Error(`"${name}" is reserved: choose another name`);
  if (serviceNames(tree).includes(name))
    throw new Error(`a service "${name}" exists already (GRPC_SERVICES)`);
  for (const path of [`apps/${name}`, `libs/contracts/proto/${name}.proto`, `k8s/base/${name}.yaml`])
    if (tree.exists(path)) throw new Error(`${path} exists already: "${name}" is taken`);
}

/**
 * A new backend service, wired everywhere a service is known: its app (service definition, main, a boot test),
 * its proto and declarations in libs/contracts, its configuration contract (ports, the gateway's
 * <NAME>_GRPC_URL, DEPLOYABLES, which `npm start` runs), docker-compose.yml and k8s/. It serves no method yet:
 * `nx g @serviceops/tools:command <name> <Command>` adds them.
 */
export async function serviceGenerator(tree: Tree, options: ServiceGeneratorSchema): Promise<void> {
  checkServiceName(tree, options.name);
  const service = namesOf([options.name]);
  const { grpc, http } = nextPorts(tree);
  const facts: files.ServiceFacts = {
    service,
    description: sentence(options.description ?? `The ${service.prose} service`),
    grpcPort: grpc,
    httpPort: http,
  };

  writeApp(tree, facts);
  registerContracts(tree, facts);
  registerOneProcess(tree, facts);
  registerCompose(tree, facts);
  registerKubernetes(tree, facts);
  tree.write(
    FILES.dockerfile,
    readText(tree, FILES.dockerfile).replace(/^EXPOSE .*$/m, (line) => `${line} ${grpc} ${http}`),
  );
  await formatFiles(tree);
}

export default serviceGenerator;

/** One line of prose, fit for a comment. */
function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').replaceAll('*/', '* /').trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function writeApp(tree: Tree, facts: files.ServiceFacts): void {
  const { kebab } = facts.service;
  const root = `apps/${kebab}`;
  tree.write(`${root}/project.json`, files.projectJson(facts));
  tree.write(`${root}/src/main.ts`, files.mainTs(facts));
  tree.write(`${root}/src/instrument.ts`, files.instrumentTs(facts));
  tree.write(`${root}/src/${kebab}.service-definition.ts`, files.serviceDefinitionTs(facts));
  tree.write(`${root}/test/${kebab}.service.int.spec.ts`, files.serviceSpecTs(facts));
}

/** apps/serviceops runs it in the one process of `npm start` (its SERVICES is keyed by every gRPC service). */
function registerOneProcess(tree: Tree, facts: files.ServiceFacts): void {
  const s = facts.service;
  edit(tree, FILES.oneProcess, (path, source) =>
    addProperty(
      path,
      addImport(path, source, `../../${s.kebab}/src/${s.kebab}.service-definition`, [`${s.camel}Service`]),
      'DEFINITIONS',
      `${s.camel}: ${s.camel}Service`,
    ),
  );
}

/** The proto and declarations, GRPC_SERVICES, API, the configuration contract and DEPLOYABLES. */
function registerContracts(tree: Tree, facts: files.ServiceFacts): void {
  const s = facts.service;
  tree.write(`libs/contracts/proto/${s.kebab}.proto`, files.protoText(facts));
  tree.write(`libs/contracts/src/api/${s.kebab}.api.ts`, files.apiTs(facts));

  edit(tree, FILES.grpc, (path, source) =>
    addProperty(
      path,
      source,
      'GRPC_SERVICES',
      // The newline after the brace keeps the entry laid out as its siblings are.
      `${s.camel}: {\n package: 'serviceops.${s.kebab}.v1', service: '${s.pascal}', proto: path.join(PROTO_DIR, '${s.kebab}.proto') }`,
    ),
  );

  edit(tree, FILES.api, (path, source) =>
    addProperty(
      path,
      addImport(path, source, `./${s.kebab}.api`, [`${s.constant}_API`]),
      'API',
      `${s.camel}: ${s.constant}_API`,
    ),
  );

  edit(tree, FILES.config, (path, source) => {
    // After the last backend's spec (one built on serviceConfigSpec), before the gateway's.
    const isBackendSpec = (statement: ts.Statement, file: ts.SourceFile): boolean =>
      ts.isVariableStatement(statement) &&
      /ConfigSpec = defineConfig\(\{\s*\.\.\.serviceConfigSpec,/.test(statement.getText(file));
    let next = addStatementAfter(path, source, isBackendSpec, configSpecTs(facts));
    next = addProperty(
      path,
      next,
      'gatewayConfigSpec',
      `${s.constant}_GRPC_URL: { kind: 'string', default: '127.0.0.1:${facts.grpcPort}', doc: '${s.prose} service gRPC address' }`,
      (key) => key.endsWith('_GRPC_URL'),
    );
    return addElement(
      path,
      next,
      'DEPLOYABLES',
      `{ name: '${s.kebab}', configSpec: ${s.camel}ConfigSpec }`,
      /name: 'gateway'/,
    );
  });
}

function configSpecTs({ service, grpcPort, httpPort }: files.ServiceFacts): string {
  return `export const ${service.camel}ConfigSpec = defineConfig({
  ...serviceConfigSpec,
  GRPC_PORT: { kind: 'int', default: ${grpcPort}, min: 0, max: 65535, doc: 'gRPC port of the ${service.prose} service' },
  HTTP_PORT: {
    kind: 'int',
    default: ${httpPort},
    min: 0,
    max: 65535,
    doc: 'health (/health/live, /health/ready) and /metrics',
  },
});`;
}

function edit(tree: Tree, path: string, change: (path: string, source: string) => string): void {
  tree.write(path, change(path, readText(tree, path)));
}

/** The service beside the others (built from the one image, the backends' environment), and the gateway's way to it. */
function registerCompose(tree: Tree, { service, grpcPort, httpPort }: files.ServiceFacts): void {
  const path = FILES.compose;
  editYaml(tree, path, (doc) => {
    const services = mapAt(doc, ['services'], path);
    const environment = doc.createNode({ GRPC_PORT: grpcPort, HTTP_PORT: httpPort }) as YAMLMap;
    environment.items.unshift(merge(doc, 'backend-environment', path));
    const entry = doc.createNode({
      command: flowList(['node', '-r', './infra/register.cjs', `apps/${service.kebab}/src/main.ts`]),
      environment,
      depends_on: doc.createAlias(anchored(doc, 'backend-depends-on', path)),
      healthcheck: {
        test: flowList([
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${httpPort}/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
        ]),
        interval: '10s',
        timeout: '5s',
        retries: 6,
        start_period: '60s',
      },
    }) as YAMLMap;
    entry.items.unshift(merge(doc, 'deployable', path));
    const key = new Scalar(service.kebab);
    key.spaceBefore = true;
    const gatewayAt = services.items.findIndex((pair) => scalarOf(pair.key) === 'gateway');
    services.items.splice(gatewayAt < 0 ? services.items.length : gatewayAt, 0, new Pair(key, entry));

    const gatewayEnv = mapAt(doc, ['services', 'gateway', 'environment'], path);
    const lastUrl = gatewayEnv.items.findLastIndex((pair) =>
      String(scalarOf(pair.key)).endsWith('_GRPC_URL'),
    );
    gatewayEnv.items.splice(
      lastUrl + 1,
      0,
      new Pair(new Scalar(`${service.constant}_GRPC_URL`), new Scalar(`${service.kebab}:${grpcPort}`)),
    );
    mapAt(doc, ['services', 'gateway', 'depends_on'], path).items.push(
      new Pair(new Scalar(service.kebab), doc.createNode({ condition: 'service_healthy' })),
    );
  });
}

function merge(doc: Document, anchor: string, path: string): Pair {
  return new Pair(new Scalar('<<'), doc.createAlias(anchored(doc, anchor, path)));
}

/**
 * k8s/base: the Deployment, Service, HPA and PDB; a ConfigMap like the other backends'; the gateway's address of
 * it; network policies (the gateway in, and out to it); its topics. The overlays: its replicas (and settings).
 */
function registerKubernetes(tree: Tree, facts: files.ServiceFacts): void {
  const { service, grpcPort, httpPort } = facts;
  const name = service.kebab;
  tree.write(`k8s/base/${name}.yaml`, files.k8sYaml(facts));

  editYaml(tree, FILES.kustomization, (doc) => {
    const path = FILES.kustomization;
    insertBefore(
      seqAt(doc, ['resources'], path),
      `${name}.yaml`,
      (item) => scalarOf(item) === 'gateway.yaml',
    );
    const generators = seqAt(doc, ['configMapGenerator'], path);
    const backend = generators.items.find((g) =>
      literalsOf(g).some((literal) => literal.startsWith('TRANSPORT=')),
    );
    if (!backend) throw new Error(`${path}: no backend ConfigMap (with TRANSPORT) to follow`);
    const literals = literalsOf(backend).map((literal) =>
      literal.startsWith('GRPC_PORT=')
        ? `GRPC_PORT=${grpcPort}`
        : literal.startsWith('HTTP_PORT=')
          ? `HTTP_PORT=${httpPort}`
          : literal,
    );
    insertBefore(
      generators,
      doc.createNode({ name: `${name}-config`, literals }),
      (g) => scalarOf(g, 'name') === 'gateway-config',
    );
    const gateway = generators.items.find((g) => scalarOf(g, 'name') === 'gateway-config');
    const gatewayLiterals = (gateway as YAMLMap | undefined)?.get('literals', true) as YAMLSeq | undefined;
    if (!gatewayLiterals) throw new Error(`${path}: no gateway-config literals`);
    const lastUrl = gatewayLiterals.items.findLastIndex((l) => /_GRPC_URL=/.test(String(scalarOf(l))));
    gatewayLiterals.items.splice(
      lastUrl + 1,
      0,
      doc.createNode(`${service.constant}_GRPC_URL=${name}:${grpcPort}`),
    );
  });

  editYamlDocuments(
    tree,
    FILES.networkPolicies,
    (docs) => {
      const egress = docs.find((d) => d.getIn(['metadata', 'name']) === 'gateway-egress-services');
      if (!egress) throw new Error(`${FILES.networkPolicies}: no gateway-egress-services policy`);
      seqAt(egress, ['spec', 'egress'], FILES.networkPolicies).items.push(
        egress.createNode({
          to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } }],
          ports: [{ protocol: 'TCP', port: grpcPort }],
        }),
      );
    },
    files.grpcFromGatewayPolicyYaml(facts),
  );

  editYamlDocuments(tree, FILES.kafkaTopics, () => undefined, files.kafkaTopicsYaml(facts));

  for (const path of FILES.overlays)
    editYaml(tree, path, (doc) => {
      const replicas = doc.get('replicas', true) as YAMLSeq | undefined;
      const first = replicas?.items[0];
      if (replicas && first)
        insertBefore(
          replicas,
          doc.createNode({ name, count: scalarOf(first, 'count') }),
          (r) => scalarOf(r, 'name') === 'gateway',
        );
      // Settings an overlay gives every backend (the first one's ConfigMap merge), the new one gets too.
      const generators = doc.get('configMapGenerator', true) as YAMLSeq | undefined;
      const backends = serviceNames(tree);
      const like = generators?.items.find((g) => scalarOf(g, 'name') === `${backends[0] ?? ''}-config`);
      if (generators && like)
        insertBefore(
          generators,
          doc.createNode({ name: `${name}-config`, behavior: 'merge', literals: literalsOf(like) }),
          (g) => scalarOf(g, 'name') === 'gateway-config',
        );
    });
}

function literalsOf(generator: unknown): string[] {
  const literals = (generator as YAMLMap).get?.('literals', true) as YAMLSeq | undefined;
  return (literals?.items ?? []).map((l) => String(scalarOf(l)));
}
