import type { Names } from '../../lib/names';
import {
  domainType,
  dtoImports,
  dtoProperty,
  fromRequest,
  requestType,
  sampleOf,
  type Field,
} from './fields';

/** One command as the generator writes it: the names of everything it touches. */
export interface CommandFacts {
  readonly service: Names;
  readonly aggregate: Names;
  /** The command, PascalCase: `ConfirmOrder`. */
  readonly command: Names;
  /** The event it records: `OrderConfirmed`. */
  readonly event: string;
  /** The event's time field: `confirmedAt`. */
  readonly eventTime: string;
  /** Whether it starts the aggregate's stream (the aggregate's first command) or acts on an existing one. */
  readonly creating: boolean;
  /** The REST path under /api/v1. */
  readonly path: string;
  /** The access constant of libs/contracts/src/api/access.ts: `ADMIN`. */
  readonly access: string;
  readonly summary: string;
  /** The gateway's folder and tag for the aggregate: `orders`. */
  readonly resource: string;
  /** What the command takes besides its id (`--fields`): its REST body, proto request and domain data. */
  readonly fields: readonly Field[];
}

const idField = (f: CommandFacts): string => `${f.aggregate.camel}Id`;
const rpc = (f: CommandFacts): string => `${f.service.kebab}.${f.command.pascal}`;
const errorCode = (f: CommandFacts, rule: 'EXISTS' | 'NOT_FOUND'): string =>
  `${f.aggregate.pascal}ErrorCode.${f.aggregate.constant}_${rule}`;

// --- libs/contracts ----------------------------------------------------------------------------------------------

export function declarationTs(f: CommandFacts): string {
  const http = f.creating
    ? `{ method: 'POST', path: '${f.path}', status: 201, etag: true }`
    : `{ method: 'POST', path: '${f.path}', status: 200, uuidParams: ['id'], etag: true, ifMatch: true }`;
  return `${f.command.pascal}: {
    http: ${http},
    access: ${f.access},
    summary: '${f.summary.replaceAll("'", "\\'")}',
  }`;
}

// --- apps/<service>/src/domain/<aggregate> ------------------------------------------------------------------------

export function commandType(f: CommandFacts): string {
  const data = [`${idField(f)}: string`, ...f.fields.map((field) => `${field.name}: ${domainType(field)}`)];
  return `export type ${f.command.pascal} = Command<'${f.command.pascal}', { ${data.join('; ')} }>;`;
}

/** Whether the command's data holds money (its commands file imports the kernel's Money). */
export const takesMoney = (f: CommandFacts): boolean => f.fields.some((field) => field.kind === 'money');

export function commandsTs(f: CommandFacts): string {
  return `${takesMoney(f) ? "import type { Money } from '@serviceops/kernel';\n\n" : ''}interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names its ${f.aggregate.prose}: the handler loads that ${f.aggregate.prose}'s stream with it.

${commandType(f)}

export type ${f.aggregate.pascal}Command = ${f.command.pascal};
`;
}

export function eventType(f: CommandFacts): string {
  return `export type ${f.event} = Event<'${f.event}', { ${idField(f)}: string; ${f.eventTime}: string }>;`;
}

export function eventsTs(f: CommandFacts): string {
  return `import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

${eventType(f)}

export type ${f.aggregate.pascal}Event = ${f.event};
`;
}

export function stateTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `export interface Absent${a.pascal} {
  readonly status: 'absent';
}

export interface Active${a.pascal} {
  readonly status: 'active';
  readonly ${idField(f)}: string;
}

export type ${a.pascal}State = Absent${a.pascal} | Active${a.pascal};

export const initial${a.pascal}State = (): ${a.pascal}State => ({ status: 'absent' });
`;
}

export function errorsTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { DomainError } from '@serviceops/kernel';

/** Stable codes of the ${a.prose}'s rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ${a.pascal}ErrorCode = {
  ${a.constant}_NOT_FOUND: '${f.service.constant}.${a.constant}_NOT_FOUND',
  ${a.constant}_EXISTS: '${f.service.constant}.${a.constant}_EXISTS',
} as const;

export type ${a.pascal}ErrorCode = (typeof ${a.pascal}ErrorCode)[keyof typeof ${a.pascal}ErrorCode];

export function ${a.camel}Error(
  code: ${a.pascal}ErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
`;
}

export function evolveCase(f: CommandFacts): string {
  if (f.creating)
    return `    case '${f.event}':
      return { status: 'active', ${idField(f)}: event.data.${idField(f)} };`;
  return `    case '${f.event}':
      return state; // what later decisions need to know of it goes into the state here`;
}

export function evolveTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import type { ${a.pascal}Event } from './${a.kebab}.events';
import type { ${a.pascal}State } from './${a.kebab}.state';

export function evolve${a.pascal}(state: ${a.pascal}State, event: ${a.pascal}Event): ${a.pascal}State {
  switch (event.type) {
${evolveCase(f)}
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
`;
}

export function decideCase(f: CommandFacts): string {
  return `    case '${f.command.pascal}':
      return ${f.command.camel}(command, state, context);`;
}

export function decideFunction(f: CommandFacts): string {
  const a = f.aggregate;
  const rule = f.creating
    ? `if (state.status !== 'absent') throw ${a.camel}Error(${errorCode(f, 'EXISTS')}, 'the ${a.prose} exists already');`
    : `if (state.status === 'absent') throw ${a.camel}Error(${errorCode(f, 'NOT_FOUND')}, 'no such ${a.prose}');`;
  return `function ${f.command.camel}(
  command: ${f.command.pascal},
  state: ${a.pascal}State,
  context: ${a.pascal}Context,
): readonly ${a.pascal}Event[] {
  ${rule}
  return [
    {
      type: '${f.event}',
      data: { ${idField(f)}: command.data.${idField(f)}, ${f.eventTime}: context.now.toISOString() },
    },
  ];
}`;
}

export function decideTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import type { ${a.pascal}Command, ${f.command.pascal} } from './${a.kebab}.commands';
import { ${a.pascal}ErrorCode, ${a.camel}Error } from './${a.kebab}.errors';
import type { ${a.pascal}Event } from './${a.kebab}.events';
import type { ${a.pascal}State } from './${a.kebab}.state';

/** What the ${a.prose}'s decisions take from outside the domain: the time (ids and policies come in here too). */
export interface ${a.pascal}Context {
  readonly now: Date;
}

export function decide${a.pascal}(
  command: ${a.pascal}Command,
  state: ${a.pascal}State,
  context: ${a.pascal}Context,
): readonly ${a.pascal}Event[] {
  switch (command.type) {
${decideCase(f)}
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

${decideFunction(f)}
`;
}

export function deciderTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { streamId, type Decider } from '@serviceops/kernel';
import type { ${a.pascal}Command } from './${a.kebab}.commands';
import { decide${a.pascal}, type ${a.pascal}Context } from './${a.kebab}.decide';
import type { ${a.pascal}Event } from './${a.kebab}.events';
import { evolve${a.pascal} } from './${a.kebab}.evolve';
import { initial${a.pascal}State, type ${a.pascal}State } from './${a.kebab}.state';

export const ${a.camel}Decider: Decider<${a.pascal}Command, ${a.pascal}Event, ${a.pascal}State, ${a.pascal}Context> = {
  initialState: initial${a.pascal}State,
  decide: decide${a.pascal},
  evolve: evolve${a.pascal},
};

/** One stream per ${a.prose}: '${a.kebab}-<tenantId>-<${idField(f)}>' (stream ids always lead with their tenant). */
export function ${a.camel}StreamId(tenantId: string, ${idField(f)}: string): string {
  return streamId('${a.kebab}', tenantId, ${idField(f)});
}
`;
}

export function specBlock(f: CommandFacts): string {
  const a = f.aggregate;
  const data = [`${idField(f)}: ID`, ...f.fields.map((field) => `${field.name}: ${sampleOf(field)}`)];
  const command = `const command: ${a.pascal}Command = { type: '${f.command.pascal}', data: { ${data.join(', ')} } };`;
  if (f.creating)
    return `describe('${f.command.pascal}', () => {
  ${command}

  it('records ${f.event}, with the time it was decided', () => {
    spec([]).when(command).then(started);
  });

  it('refuses ${f.command.pascal} when the ${a.prose} exists already', () => {
    spec(started).when(command).thenThrows('${f.service.constant}.${a.constant}_EXISTS');
  });
});
`;
  return `describe('${f.command.pascal}', () => {
  ${command}

  it('records ${f.event}, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: '${f.event}', data: { ${idField(f)}: ID, ${f.eventTime}: now.toISOString() } }]);
  });

  it('refuses ${f.command.pascal} when there is no such ${a.prose}', () => {
    spec([]).when(command).thenThrows('${f.service.constant}.${a.constant}_NOT_FOUND');
  });
});
`;
}

export function specTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { deciderSpec } from '@serviceops/testing';
import type { ${a.pascal}Command } from './${a.kebab}.commands';
import { ${a.camel}Decider } from './${a.kebab}.decider';
import type { ${a.pascal}Event } from './${a.kebab}.events';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly ${a.pascal}Event[]) => deciderSpec(${a.camel}Decider, { now }).given(given);
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';

/** ${article(a.prose, true)} as ${f.command.pascal} starts it: the history its other commands are decided on. */
const started: ${a.pascal}Event[] = [
  { type: '${f.event}', data: { ${idField(f)}: ID, ${f.eventTime}: now.toISOString() } },
];

${specBlock(f)}`;
}

// --- apps/<service>/src/application -------------------------------------------------------------------------------

export function handlerMethod(f: CommandFacts): string {
  const a = f.aggregate;
  const id = f.creating ? idField(f) : 'request.id';
  const members = [
    ...(f.creating ? [] : ['readonly id: string', 'readonly expectedVersion?: number']),
    ...f.fields.map((field) => `readonly ${field.name}?: ${requestType(field)}`),
  ];
  const signature =
    members.length === 0
      ? `_request: object, call: CallContext`
      : `request: { ${members.join('; ')} }, call: CallContext`;
  const data = [
    f.creating ? idField(f) : `${idField(f)}: ${id}`,
    ...f.fields.map((field) => `${field.name}: ${fromRequest(field)}`),
  ];
  return `  @Handles('${rpc(f)}')
  async ${f.command.camel}(${signature}): Promise<${a.pascal}View> {${f.creating ? `\n    const ${idField(f)} = newId();` : ''}
    const done = await this.runtime.timed('${f.command.pascal}', () =>
      execute(
        this.runtime.store,
        ${a.camel}Decider,
        ${a.camel}StreamId(call.tenantId, ${id}),
        { type: '${f.command.pascal}', data: { ${data.join(', ')} } },
        { now: new Date() },
        call,
        ${f.creating ? '{ newStream: true }' : '{ expectedVersion: request.expectedVersion }'},
      ),
    );
    return viewOf(${id}, done);
  }`;
}

export function handlersTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { Injectable } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import { EventSourcingRuntime, execute, Handles, type CallContext, type Executed } from '@serviceops/platform';
import { ${a.camel}Decider, ${a.camel}StreamId } from '../domain/${a.kebab}/${a.kebab}.decider';
import type { ${a.pascal}Event } from '../domain/${a.kebab}/${a.kebab}.events';
import type { ${a.pascal}State } from '../domain/${a.kebab}/${a.kebab}.state';

/** ${article(a.prose, true)} as the API answers it: the proto's ${a.pascal}. */
export interface ${a.pascal}View {
  readonly id: string;
  readonly version: number;
  readonly status: string;
}

function viewOf(id: string, { state, version }: Executed<${a.pascal}State, ${a.pascal}Event>): ${a.pascal}View {
  return { id, version, status: state.status };
}

/**
 * The ${a.prose}'s commands, a method for each declared one (\`@Handles\`): load the stream, decide, append
 * (\`execute\`), answer the ${a.prose} with its new version.
 */
@Injectable()
export class ${a.pascal}Handlers {
  constructor(private readonly runtime: EventSourcingRuntime) {}

${handlerMethod(f)}
}
`;
}

// --- apps/gateway/src/<resource> ----------------------------------------------------------------------------------

/** The REST body class of a command with fields: `ConfirmOrderDto`. */
export const dtoName = (f: CommandFacts): string => `${f.command.pascal}Dto`;

export function routeBinding(f: CommandFacts): string {
  const body = f.fields.length > 0 ? `body: ${dtoName(f)}, ` : '';
  return `route({ rpc: '${rpc(f)}', ${body}answer: ${f.aggregate.pascal}View })`;
}

/** The REST body class: the fields' OpenAPI schemas and validation (the gRPC request's is derived from it). */
export function dtoClass(f: CommandFacts): string {
  return `@ApiSchema({ name: '${f.command.pascal}' })
export class ${dtoName(f)} {
${f.fields.map(dtoProperty).join('\n\n')}
}
`;
}

export function dtoTs(f: CommandFacts): string {
  const imports = dtoImports(f.fields)
    .map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`)
    .join('\n');
  return `${imports}\n\n${dtoClass(f)}`;
}

export function routesTs(f: CommandFacts): string {
  const a = f.aggregate;
  const dto = f.fields.length > 0 ? `\nimport { ${dtoName(f)} } from './${f.resource}.dto';` : '';
  return `import { controllerOf, route } from '../routes/mount';${dto}
import { ${a.pascal}View } from './${f.resource}.views';

/** The ${f.service.prose} service's ${f.resource.replaceAll('-', ' ')} over REST: each route is its declaration bound to these shapes. */
export const ${a.pascal}Routes = controllerOf('${f.resource}', [${routeBinding(f)}]);
`;
}

export function viewsTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: '${a.pascal}' })
export class ${a.pascal}View {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'the ${a.prose}’s version, also its ETag: send it as If-Match to change it' })
  version!: number;

  @ApiProperty({ example: 'active' })
  status!: string;
}
`;
}

function article(prose: string, capital = false): string {
  const a = /^[aeiou]/.test(prose) ? 'an' : 'a';
  return `${capital ? a.toUpperCase().slice(0, 1) + a.slice(1) : a} ${prose}`;
}
