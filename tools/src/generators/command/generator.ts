import { spawnSync } from 'node:child_process';
import { formatFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import {
  actionSegmentOf,
  AGGREGATE_NAME,
  eventOf,
  namesOf,
  PASCAL_NAME,
  plural,
  singular,
  summaryOf,
  wordsOfKebab,
  wordsOfPascal,
  type Names,
} from '../../lib/names';
import { addElement, addImport, addProperty, propertiesOf } from '../../lib/ts-source';
import { FILES, serviceNames } from '../../lib/workspace';
import { readText } from '../../lib/yaml-source';
import { dtoImports, fieldsOf } from './fields';
import * as files from './files';
import type { CommandFacts } from './files';
import * as useCases from './use-case-files';

export interface CommandGeneratorSchema {
  /** The service that handles it: `orders`. */
  readonly service: string;
  /** The command, PascalCase and imperative: `ConfirmOrder`. */
  readonly name: string;
  /** The aggregate (a folder of the service's domain/), kebab-case; default the service's only one, or its singular. */
  readonly aggregate?: string;
  /** The event it records, PascalCase and past tense; default derived (`ConfirmOrder` → `OrderConfirmed`). */
  readonly event?: string;
  /** The REST path segment of a new aggregate, kebab-case; default its plural (`orders`). */
  readonly resource?: string;
  /** Who may call it: a role list exported by libs/contracts/src/api/access.ts; default `ADMIN`. */
  readonly access?: string;
  /** The OpenAPI summary; default the command's words (`Confirm order`). */
  readonly summary?: string;
  /** What it takes besides its id: `name:kind,…`, kinds money, date, instant, int, uuid (text by hand). */
  readonly fields?: string;
}

/** The files of an aggregate and of the service around it. */
function pathsOf(service: Names, aggregate: Names) {
  const domain = `apps/${service.kebab}/src/domain/${aggregate.kebab}`;
  const file = (role: string) => `${domain}/${aggregate.kebab}.${role}.ts`;
  return {
    domain,
    state: file('state'),
    errors: file('errors'),
    decider: file('decider'),
    testing: `${domain}/${aggregate.kebab}.testing.ts`,
    handlers: `apps/${service.kebab}/src/application/${aggregate.kebab}.handlers.ts`,
    definition: `apps/${service.kebab}/src/${service.kebab}.service-definition.ts`,
    api: `libs/contracts/src/api/${service.kebab}.api.ts`,
    proto: `libs/contracts/proto/${service.kebab}.proto`,
  };
}

/**
 * A command of an existing service along the declaration path: its declaration (REST route, access, summary); in
 * the domain, its use case (the command, the event it records, its decision with one rule, evolve's case and how
 * its request becomes the command, served by the aggregate's generic handler), its line in the decider; a rule
 * test; the REST body. The aggregate's first command starts its stream
 * (and creates the aggregate: state, errors, decider, handler class, gateway folder); the others act on an existing
 * one (`<resource>/:id/<action>`, If-Match). The proto's rpc and messages are not written here: once the files are
 * on disk, `npm run docs -- proto` writes them from the gateway's classes (apps/gateway/src/openapi/proto-files.ts).
 */
export async function commandGenerator(
  tree: Tree,
  options: CommandGeneratorSchema,
): Promise<GeneratorCallback> {
  const facts = factsOf(tree, options);
  const paths = pathsOf(facts.service, facts.aggregate);
  const notFound = notFoundOf(tree, facts, paths);
  writeUseCase(tree, facts, paths, notFound);
  declare(tree, facts, paths, facts.creating ? [] : [notFound]);
  await formatFiles(tree);
  return () => writeProtos(tree.root);
}

/** Rewrites the protos from the classes now on disk, as `npm run docs -- proto` does. */
export function writeProtos(root: string): void {
  const run = spawnSync(process.execPath, ['infra/docs.mjs', 'proto'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0)
    throw new Error(`npm run docs -- proto failed (fix, then run it again):\n${run.stdout}${run.stderr}`);
  process.stdout.write(run.stdout);
}

export default commandGenerator;

function edit(tree: Tree, path: string, change: (path: string, source: string) => string): void {
  tree.write(path, change(path, readText(tree, path)));
}

function factsOf(tree: Tree, options: CommandGeneratorSchema): CommandFacts {
  if (!serviceNames(tree).includes(options.service))
    throw new Error(`no service "${options.service}": create it with nx g @serviceops/tools:service`);
  const service = namesOf([options.service]);
  if (!tree.exists(`apps/${service.kebab}/src/${service.kebab}.service-definition.ts`))
    throw new Error(`apps/${service.kebab} is not a service made the way the generator extends it`);
  if (!PASCAL_NAME.test(options.name))
    throw new Error(`"${options.name}" is not a command name: PascalCase words, imperative (ConfirmOrder)`);
  const command = namesOf(wordsOfPascal(options.name));

  const aggregate = namesOf(wordsOfKebab(aggregateOf(tree, service, options.aggregate)));
  const paths = pathsOf(service, aggregate);
  const creating = !tree.exists(paths.decider);
  const elsewhere = creating ? folderOf(tree, service, aggregate) : undefined;
  if (elsewhere)
    throw new Error(
      `${aggregate.kebab} is an aggregate of apps/${service.kebab}/src/domain/${elsewhere}/, a folder named otherwise: the generator extends an aggregate in a folder of its own name; add the command by hand (docs/adding-a-command.md)`,
    );
  const declared = propertiesOf(paths.api, readText(tree, paths.api), `${service.constant}_API`);
  if (declared.includes(command.pascal))
    throw new Error(`${service.kebab}.${command.pascal} is declared already`);
  if (
    new RegExp(`\\brpc ${command.pascal}\\(|\\bmessage ${command.pascal}Request\\b`).test(
      readText(tree, paths.proto),
    )
  )
    throw new Error(`${paths.proto} has ${command.pascal} already`);

  const event = options.event ?? eventOf(command.pascal, aggregate);
  if (!PASCAL_NAME.test(event)) throw new Error(`"${event}" is not an event name: PascalCase, past tense`);
  const idField = idFieldOf(tree, paths, aggregate);
  const [stateType, contextType] = decidedOn(tree, paths, aggregate);
  if (!creating) {
    const file = `${paths.domain}/${command.kebab}.ts`;
    if (tree.exists(file)) throw new Error(`${file} exists already`);
    const recorded = tree
      .children(paths.domain)
      .filter((name) => name.endsWith('.ts'))
      .find((name) => readText(tree, `${paths.domain}/${name}`).includes(`Event<'${event}'`));
    if (recorded)
      throw new Error(`${paths.domain}/${recorded} has ${event} already: name another with --event`);
  }

  const access = options.access ?? 'ADMIN';
  if (access === 'PUBLIC')
    throw new Error('a command has a caller (its tenant, its actor): PUBLIC is for signing in only');
  if (!new RegExp(`^export const ${access} =`, 'm').test(readText(tree, FILES.access)))
    throw new Error(
      `${FILES.access} exports no ${access}: name one of its role lists (ADMIN, CUSTOMER_WRITERS…)`,
    );

  const resource = resourceOf(tree, service, paths, aggregate, creating, options.resource);
  if (!creating)
    assertGeneratable(tree, service, paths, aggregate, resource, { idField, stateType, contextType });
  const path = creating
    ? resource
    : `${prefixOf(tree, resource, aggregate)}/:id/${actionSegmentOf(command.pascal, aggregate)}`;
  const taken = apiFiles(tree).find((file) =>
    new RegExp(`method: 'POST',\\s*path: '${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`).test(
      readText(tree, file),
    ),
  );
  if (taken) throw new Error(`POST /${path} is declared already (${taken})`);

  const fields = fieldsOf(options.fields, ['id', 'expectedVersion', idField]);
  const last = wordsOfPascal(event).at(-1) ?? event;
  return {
    service,
    aggregate,
    command,
    event,
    eventTime: `${last.toLowerCase()}At`,
    creating,
    path,
    access,
    summary: options.summary ?? summaryOf(command.pascal),
    resource,
    fields,
    idField,
    stateType,
    contextType,
  };
}

/**
 * The state and context types the aggregate's decider decides on (`deciderOf<typeof …, ResourceStateT,
 * ResourceContext>`), which the generated use case names; `<Aggregate>State`/`Context` for a new aggregate.
 */
function decidedOn(tree: Tree, paths: Paths, aggregate: Names): [string, string] {
  const decider = tree.exists(paths.decider) ? readText(tree, paths.decider) : '';
  const types = /deciderOf<\s*typeof \w+,\s*(\w+),\s*(\w+),?\s*>/.exec(decider);
  return [types?.[1] ?? `${aggregate.pascal}State`, types?.[2] ?? `${aggregate.pascal}Context`];
}

/**
 * The field that names the aggregate in its commands and events: the rule-test kit's `ID_FIELD` where the aggregate
 * names it otherwise than `<aggregate>Id` (a staff member's `staffId`, a return visit's `visitId`), else that.
 */
function idFieldOf(tree: Tree, paths: Paths, aggregate: Names): string {
  const kit = tree.exists(paths.testing) ? readText(tree, paths.testing) : '';
  return /^export const ID_FIELD = '(\w+)'/m.exec(kit)?.[1] ?? `${aggregate.camel}Id`;
}

/**
 * The code a command on an existing record refuses with when there is none: `<SERVICE>.<AGGREGATE>_NOT_FOUND` if the
 * catalog has it, else the one named after its id field (a return visit's `visitId`: `CUSTOMERS.VISIT_NOT_FOUND`),
 * else the catalog's one `<SERVICE>.…_NOT_FOUND` code (a staff member's `STAFF.STAFF_MEMBER_NOT_FOUND`).
 */
function notFoundOf(
  tree: Tree,
  f: Pick<CommandFacts, 'service' | 'aggregate' | 'idField'>,
  paths: Paths,
): string {
  const code = notFoundCode(f);
  if (!tree.exists(paths.errors)) return code;
  const catalog = readText(tree, paths.errors);
  if (catalog.includes(`'${code}'`)) return code;
  const stem = f.idField
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();
  const named = `${f.service.constant}.${stem}_NOT_FOUND`;
  if (catalog.includes(`'${named}'`)) return named;
  const codes = [
    ...new Set(
      [...catalog.matchAll(new RegExp(`'(${f.service.constant}\\.\\w+_NOT_FOUND)'`, 'g'))].map(
        (m) => m[1] ?? '',
      ),
    ),
  ];
  return codes.length === 1 ? (codes[0] ?? code) : code;
}

/**
 * What the generated use case and its rule test take from an existing aggregate, checked before anything is written:
 * an aggregate converted by hand may name them otherwise (a staff member is `staffId`), and a command generated
 * against other names would not compile. The refusal says what is missing, so the command is added by hand instead.
 */
function assertGeneratable(
  tree: Tree,
  service: Names,
  paths: Paths,
  aggregate: Names,
  resource: string,
  { idField, stateType, contextType }: Pick<CommandFacts, 'idField' | 'stateType' | 'contextType'>,
): void {
  const missing = (file: string, what: string) =>
    new Error(
      `${file} ${what}: the generated command would not compile; add it by hand (docs/adding-a-command.md)`,
    );
  const routes = `apps/gateway/src/${resource}/${resource}.routes.ts`;
  if (!/=\s*resourceRoutes\(/.test(readText(tree, routes)))
    throw new Error(
      `${routes} binds its routes by hand (controllerOf): a generated command would have no route; derive them (resourceRoutes) first, or add it by hand (docs/adding-a-command.md)`,
    );
  const state = tree.exists(paths.state) ? readText(tree, paths.state) : '';
  if (
    !new RegExp(
      `initial${aggregate.pascal}State = \\(\\): ${stateType} => \\(\\{ status: 'absent' \\}\\)`,
    ).test(state)
  )
    throw missing(
      paths.state,
      `starts no ${stateType} at { status: 'absent' } (the generated rule refuses a command on an absent one)`,
    );
  for (const name of [stateType, contextType, idField])
    if (!new RegExp(`\\b${name}\\b`).test(state)) throw missing(paths.state, `names no ${name}`);
  const errors = tree.exists(paths.errors) ? readText(tree, paths.errors) : '';
  if (!new RegExp(`\\b${aggregate.pascal}ErrorCode\\b`).test(errors))
    throw missing(paths.errors, `exports no ${aggregate.pascal}ErrorCode`);
  const notFound = notFoundOf(tree, { service, aggregate, idField }, paths);
  if (!errors.includes(`'${notFound}'`))
    throw missing(paths.errors, `has no ${notFound} (nor one ${service.constant}.…_NOT_FOUND code)`);
  if (!tree.exists(paths.testing))
    throw missing(
      paths.testing,
      `is missing (the rule test starts from its ID, now, spec and started${idField === `${aggregate.camel}Id` ? '' : `, and ID_FIELD names ${aggregate.kebab}'s id`})`,
    );
}

/** The key of `code` in the aggregate's error catalog (`SAMPLE_NOT_FOUND`, or `notFound` in customers'). */
function catalogKey(tree: Tree, f: CommandFacts, paths: Paths, code: string): string {
  if (!tree.exists(paths.errors)) return code.split('.')[1] ?? code;
  const key = new RegExp(`(\\w+): '${code.replace('.', '\\.')}'`).exec(readText(tree, paths.errors))?.[1];
  if (!key)
    throw new Error(`${paths.errors} has no code ${code}: the ${f.aggregate.prose}'s rule refuses with it`);
  return key;
}

/** The domain folder holding `<aggregate>.decider.ts` when it is not the aggregate's own (orders' `chat/`). */
function folderOf(tree: Tree, service: Names, aggregate: Names): string | undefined {
  const domain = `apps/${service.kebab}/src/domain`;
  if (!tree.exists(domain)) return undefined;
  return tree.children(domain).find((dir) => tree.exists(`${domain}/${dir}/${aggregate.kebab}.decider.ts`));
}

/** The aggregate a command is for: the one named, else the service's only one, else (none yet) the service's singular. */
function aggregateOf(tree: Tree, service: Names, named: string | undefined): string {
  if (named !== undefined) {
    if (!AGGREGATE_NAME.test(named))
      throw new Error(`"${named}" is not an aggregate name: kebab-case (return-visit)`);
    return named;
  }
  const domain = `apps/${service.kebab}/src/domain`;
  const existing = tree.exists(domain)
    ? tree
        .children(domain)
        .filter((dir) => tree.exists(`${domain}/${dir}/${dir}.decider.ts`))
        .sort()
    : [];
  if (existing.length > 1)
    throw new Error(
      `${service.kebab} has several aggregates (${existing.join(', ')}): say which with --aggregate`,
    );
  return existing[0] ?? singular(service.kebab);
}

/** The gateway's folder (and REST path) of the aggregate: found for an existing one, chosen for a new one. */
function resourceOf(
  tree: Tree,
  service: Names,
  paths: Paths,
  aggregate: Names,
  creating: boolean,
  named: string | undefined,
): string {
  const gateway = 'apps/gateway/src';
  const routesOf = (dir: string) => tree.read(`${gateway}/${dir}/${dir}.routes.ts`, 'utf-8') ?? '';
  const owner =
    tree
      .children(gateway)
      .find((dir) => routesOf(dir).includes(`export const ${aggregate.pascal}Routes =`)) ??
    (creating ? undefined : ownerByRoutes(tree, service, paths, gateway, routesOf));
  if (!creating) {
    if (!owner)
      throw new Error(
        `no gateway resource of ${aggregate.kebab} in ${gateway}: neither ${aggregate.pascal}Routes in a <folder>/<folder>.routes.ts nor a resourceRoutes under the paths its use cases declare (a command of an aggregate no REST resource of its own serves is added by hand)`,
      );
    if (named !== undefined && named !== owner)
      throw new Error(`${aggregate.kebab}'s routes are under ${owner}/: --resource is for a new aggregate`);
    return owner;
  }
  if (owner)
    throw new Error(
      `${gateway}/${owner} has ${aggregate.pascal}Routes already: name the aggregate otherwise`,
    );
  const resource = named ?? plural(aggregate.kebab);
  if (!AGGREGATE_NAME.test(resource)) throw new Error(`"${resource}" is not a resource name: kebab-case`);
  if (tree.exists(`${gateway}/${resource}`))
    throw new Error(`${gateway}/${resource} exists already: pass --resource`);
  const schema = `name: '${aggregate.pascal}'`;
  const clash = gatewayFiles(tree, gateway).find((file) => (tree.read(file, 'utf-8') ?? '').includes(schema));
  if (clash)
    throw new Error(
      `${clash} names an OpenAPI schema ${aggregate.pascal} already: name the aggregate otherwise`,
    );
  return resource;
}

/**
 * The gateway folder whose routes (`resourceRoutes('<prefix>', …)`, or `controllerOf` for routes bound by hand,
 * refused later) serve the one prefix the aggregate's use cases declare their paths under (a staff member's are
 * under `staff/`, derived by StaffRoutes): the aggregate's resource when its routes are named otherwise than
 * `<Aggregate>Routes`.
 */
function ownerByRoutes(
  tree: Tree,
  service: Names,
  paths: Paths,
  gateway: string,
  routesOf: (dir: string) => string,
): string | undefined {
  const api = readText(tree, paths.api);
  const rpcs = tree
    .children(paths.domain)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [
      ...readText(tree, `${paths.domain}/${name}`).matchAll(
        new RegExp(`rpc: '${service.kebab}\\.(\\w+)'`, 'g'),
      ),
    ])
    .map((m) => m[1] ?? '');
  const prefixes = new Set(
    rpcs.flatMap((rpc) => {
      const path = new RegExp(`\\n  ${rpc}: \\{[^]*?path: '([\\w-]+)[/']`).exec(api)?.[1];
      return path ? [path] : [];
    }),
  );
  if (prefixes.size !== 1) return undefined;
  const [prefix] = [...prefixes];
  return tree
    .children(gateway)
    .find((dir) => new RegExp(`= (resourceRoutes|controllerOf)\\(\\s*'${prefix}'`).test(routesOf(dir)));
}

/**
 * The REST prefix the aggregate's routes derive under: its `<Aggregate>Routes = resourceRoutes('<prefix>', …)` (a
 * proposal's `proposals`, in the contracts folder), else the folder's one `resourceRoutes`, else the folder.
 */
function prefixOf(tree: Tree, resource: string, aggregate: Names): string {
  const routes = `apps/gateway/src/${resource}/${resource}.routes.ts`;
  const source = tree.exists(routes) ? readText(tree, routes) : '';
  const own = new RegExp(`export const ${aggregate.pascal}Routes = resourceRoutes\\(\\s*'([\\w-]+)'`).exec(
    source,
  );
  return own?.[1] ?? /resourceRoutes\(\s*'([\w-]+)'/.exec(source)?.[1] ?? resource;
}

function apiFiles(tree: Tree): string[] {
  const dir = 'libs/contracts/src/api';
  return tree
    .children(dir)
    .filter((f) => f.endsWith('.api.ts'))
    .map((f) => `${dir}/${f}`);
}

function gatewayFiles(tree: Tree, dir: string): string[] {
  return tree.children(dir).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    return tree.isFile(path) ? (path.endsWith('.ts') ? [path] : []) : gatewayFiles(tree, path);
  });
}

type Paths = ReturnType<typeof pathsOf>;

const notFoundCode = (f: Pick<CommandFacts, 'service' | 'aggregate'>) =>
  `${f.service.constant}.${f.aggregate.constant}_NOT_FOUND`;
const existsCode = (f: CommandFacts) => `${f.service.constant}.${f.aggregate.constant}_EXISTS`;

/**
 * A command in the use-case layout: its use-case file and rule test in the domain, its line in the aggregate's list
 * (the decider), its REST body class if it takes fields. Nothing else: the aggregate's handler serves it
 * (`handles`), the resource's routes bind it (`@BodyOf`). The aggregate's first command writes what they share.
 */
function writeUseCase(tree: Tree, f: CommandFacts, paths: Paths, notFound: string): void {
  const gateway = `apps/gateway/src/${f.resource}`;
  if (f.creating) writeAggregateOnce(tree, f, paths, gateway);
  const rule = catalogKey(tree, f, paths, f.creating ? existsCode(f) : notFound);
  tree.write(`${paths.domain}/${f.command.kebab}.ts`, useCases.useCaseTs(f, rule));
  tree.write(
    `${paths.domain}/${f.command.kebab}.unit.spec.ts`,
    useCases.useCaseSpecTs(f, notFound, existsCode(f)),
  );
  if (!f.creating)
    edit(tree, paths.decider, (path, source) =>
      addElement(
        path,
        addImport(path, source, `./${f.command.kebab}`, [useCases.useCaseName(f)]),
        useCases.useCasesList(f),
        useCases.useCaseName(f),
      ),
    );
  if (f.fields.length > 0) writeDto(tree, f, bodiesOf(tree, gateway, f.resource));
}

/** The module the resource's routes read their body classes from (`import * as bodies from './staff-people.dto'`). */
function bodiesOf(tree: Tree, gateway: string, resource: string): string {
  const routes = `${gateway}/${resource}.routes.ts`;
  const module = tree.exists(routes)
    ? /import \* as bodies from '\.\/([\w.-]+)'/.exec(readText(tree, routes))?.[1]
    : undefined;
  return `${gateway}/${module ?? `${resource}.dto`}.ts`;
}

/** What an aggregate's commands share, written with its first: state, errors, decider, test helper, handler, routes. */
function writeAggregateOnce(tree: Tree, f: CommandFacts, paths: Paths, gateway: string): void {
  const a = f.aggregate;
  tree.write(paths.state, useCases.stateTs(f));
  tree.write(paths.errors, files.errorsTs(f));
  tree.write(paths.decider, useCases.deciderTs(f));
  tree.write(paths.testing, useCases.testingTs(f));
  tree.write(paths.handlers, useCases.handlersTs(f));
  edit(tree, paths.definition, (path, source) =>
    addElement(
      path,
      addImport(path, source, `./application/${a.kebab}.handlers`, [`${a.pascal}Handlers`]),
      'HANDLERS',
      `${a.pascal}Handlers`,
    ),
  );
  tree.write(`${gateway}/${f.resource}.routes.ts`, useCases.routesTs(f));
  tree.write(`${gateway}/${f.resource}.views.ts`, files.viewsTs(f));
  tree.write(`${gateway}/${f.resource}.dto.ts`, useCases.emptyDtoTs(f));
  edit(tree, FILES.routes, (path, source) =>
    addElement(
      path,
      addImport(path, source, `../${f.resource}/${f.resource}.routes`, [`${a.pascal}Routes`]),
      'DECLARED_ROUTES',
      `${a.pascal}Routes`,
    ),
  );
}

/** The command's REST body class: a new DTO file of the resource, or one more class in it. */
function writeDto(tree: Tree, f: CommandFacts, path: string): void {
  if (!tree.exists(path)) {
    tree.write(path, files.dtoTs(f));
    return;
  }
  if (new RegExp(`\\bclass ${files.dtoName(f)}\\b|name: '${f.command.pascal}'`).test(readText(tree, path)))
    throw new Error(`${path} has ${files.dtoName(f)} (or a schema ${f.command.pascal}) already`);
  edit(tree, path, (_, before) => {
    // The placeholder of a resource none of whose commands had a body yet.
    const source = before.replace(/^export \{\};\n/m, '');
    const imported = dtoImports(f.fields).reduce(
      (s, [module, names]) => addImport(path, s, module, names),
      source,
    );
    return `${imported.trimEnd()}\n\n${files.dtoClass(f)}`;
  });
}

/** The declaration, its access constant imported (the proto's rpc and messages are written from it afterwards). */
function declare(tree: Tree, f: CommandFacts, paths: Paths, errors?: readonly string[]): void {
  edit(tree, paths.api, (path, source) =>
    addProperty(
      path,
      addImport(path, source, './access', [f.access]),
      `${f.service.constant}_API`,
      files.declarationTs(f, errors),
    ),
  );
}
