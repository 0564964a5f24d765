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
  /** The field that names the aggregate in its commands and events: `orderId`, or the kit's `ID_FIELD` (`staffId`). */
  readonly idField: string;
  /** The types its decider decides on, as its `deciderOf<…, State, Context>` names them: `OrderState`, `OrderContext`. */
  readonly stateType: string;
  readonly contextType: string;
}

const idField = (f: CommandFacts): string => f.idField;
const rpc = (f: CommandFacts): string => `${f.service.kebab}.${f.command.pascal}`;
const errorCode = (f: CommandFacts, rule: 'EXISTS' | 'NOT_FOUND'): string =>
  `${f.aggregate.pascal}ErrorCode.${f.aggregate.constant}_${rule}`;

// --- libs/contracts ----------------------------------------------------------------------------------------------

export function declarationTs(f: CommandFacts, errors?: readonly string[]): string {
  const http = f.creating
    ? `{ method: 'POST', path: '${f.path}', status: 201, etag: true }`
    : `{ method: 'POST', path: '${f.path}', status: 200, uuidParams: ['id'], etag: true, ifMatch: true }`;
  return `${f.command.pascal}: {
    http: ${http},
    access: ${f.access},${errors ? `\n    errors: [${errors.map((code) => `'${code}'`).join(', ')}],` : ''}
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

export function eventType(f: CommandFacts): string {
  return `export type ${f.event} = Event<'${f.event}', { ${idField(f)}: string; ${f.eventTime}: string }>;`;
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
@BodyOf('${rpc(f)}')
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
