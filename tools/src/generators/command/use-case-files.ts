// The files of a command in the use-case layout (docs/adding-a-command.md, decision "A file per use case"): one
// domain file per use case (its command, decision, events and their evolve cases, and — for a command on one
// record — how its request becomes the command), listed in the aggregate's decider; a rule test beside it; the
// REST body class marked @BodyOf its RPC. The aggregate's first command also writes what every later one shares.
import type { CommandFacts } from './files';
import { domainType, fromRequest, requestType, sampleOf } from './fields';

const idField = (f: CommandFacts): string => f.idField;
const rpc = (f: CommandFacts): string => `${f.service.kebab}.${f.command.pascal}`;
/** The aggregate's list of use cases, in its decider: `SAMPLE_USE_CASES`. */
export const useCasesList = (f: CommandFacts): string => `${f.aggregate.constant}_USE_CASES`;
/** The use case's constant: `approveSample`. */
export const useCaseName = (f: CommandFacts): string => f.command.camel;

/**
 * The use-case file: everything the command is in the domain. `ruleKey` is the key, in the aggregate's error
 * catalog, of the code its one rule refuses with (exists already for a first command, not found for the others).
 */
export function useCaseTs(f: CommandFacts, ruleKey: string): string {
  const a = f.aggregate;
  const money = f.fields.some((field) => field.kind === 'money');
  const data = [
    `readonly ${idField(f)}: string`,
    ...f.fields.map((field) => `readonly ${field.name}: ${domainType(field)}`),
  ];
  const kernel = [
    'DomainError',
    'useCase',
    ...(f.creating ? ['type Caller'] : []),
    'type Command',
    'type Event',
    ...(money ? ['type Money'] : []),
  ];
  const request = [
    ...(f.creating ? [] : ['readonly id: string']),
    ...f.fields.map((field) => `readonly ${field.name}?: ${requestType(field)}`),
  ];
  const fromRequestData = [
    f.creating ? `${idField(f)}: newId` : `${idField(f)}: request.id`,
    ...f.fields.map((field) => `${field.name}: ${fromRequest(field)}`),
  ];
  const requestParam = request.length === 0 ? '_request: object' : `request: { ${request.join('; ')} }`;
  const handles = `
  // Its declared method, and how its request becomes the command (${f.creating ? "the new record's id made for the call" : 'the record named by the path'}): the
  // aggregate's handler loads, decides and appends (handlesUseCases in application/${a.kebab}.handlers.ts).
  handles: {
    rpc: '${rpc(f)}',
    command: (${requestParam}${f.creating ? ', { newId }: Caller' : ''}) => ({
      type: '${f.command.pascal}',
      data: { ${fromRequestData.join(', ')} },
    }),
  },`;
  const rule = f.creating
    ? `if (state.status !== 'absent') throw new DomainError(${a.pascal}ErrorCode.${ruleKey}, 'the ${a.prose} exists already');`
    : `if (state.status === 'absent') throw new DomainError(${a.pascal}ErrorCode.${ruleKey}, 'no such ${a.prose}');`;
  const evolve = f.creating
    ? `${f.event}: (_state, event) => ({ status: 'active', ${idField(f)}: event.data.${idField(f)} }),`
    : `// What later decisions need to know of it goes into the state here.
    ${f.event}: (state) => state,`;
  return `import { ${kernel.join(', ')} } from '@serviceops/kernel';
import { ${a.pascal}ErrorCode } from './${a.kebab}.errors';
import type { ${f.contextType}, ${f.stateType} } from './${a.kebab}.state';

export type ${f.command.pascal} = Command<'${f.command.pascal}', { ${data.join('; ')} }>;

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.
export type ${f.event} = Event<'${f.event}', { ${idField(f)}: string; ${f.eventTime}: string }>;

export const ${useCaseName(f)} = useCase<${f.command.pascal}, ${f.event}, ${f.stateType}, ${f.contextType}>({
  command: '${f.command.pascal}',${handles}
  decide(command, state, context) {
    ${rule}
    return [
      {
        type: '${f.event}',
        data: { ${idField(f)}: command.data.${idField(f)}, ${f.eventTime}: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ${evolve}
  },
});
`;
}

/** The use case's rule test: given the aggregate's history, when the command, then its events or its refusal. */
export function useCaseSpecTs(f: CommandFacts, notFoundCode: string, existsCode: string): string {
  const a = f.aggregate;
  const data = [`${idField(f)}: ID`, ...f.fields.map((field) => `${field.name}: ${sampleOf(field)}`)];
  const imports = `import { ID, ${f.creating ? '' : 'now, '}spec, started } from './${a.kebab}.testing';
import type { ${f.command.pascal} } from './${f.command.kebab}';`;
  const command = `const command: ${f.command.pascal} = { type: '${f.command.pascal}', data: { ${data.join(', ')} } };`;
  if (f.creating)
    return `${imports}

describe('${f.command.pascal}', () => {
  ${command}

  it('records ${f.event}, with the time it was decided', () => {
    spec([]).when(command).then(started);
  });

  it('refuses ${f.command.pascal} when the ${a.prose} exists already', () => {
    spec(started).when(command).thenThrows('${existsCode}');
  });
});
`;
  return `${imports}

describe('${f.command.pascal}', () => {
  ${command}

  it('records ${f.event}, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: '${f.event}', data: { ${idField(f)}: ID, ${f.eventTime}: now.toISOString() } }]);
  });

  it('refuses ${f.command.pascal} when there is no such ${a.prose}', () => {
    spec([]).when(command).thenThrows('${notFoundCode}');
  });
});
`;
}

// --- what the aggregate's first command writes once -----------------------------------------------------------------

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

/** What the ${a.prose}'s decisions take from outside the domain: the time (ids and policies come in here too). */
export interface ${a.pascal}Context {
  readonly now: Date;
}
`;
}

export function deciderTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { initial${a.pascal}State, type ${a.pascal}Context, type ${a.pascal}State } from './${a.kebab}.state';
import { ${useCaseName(f)} } from './${f.command.kebab}';

/**
 * The ${a.prose}: the list of its use cases, a file each beside this one (its command, decision, events and how they
 * change the state). A new command is its file and its line here; the unions and the decider follow from the list.
 */
export const ${useCasesList(f)} = [${useCaseName(f)}] as const;

export type ${a.pascal}Command = CommandOf<typeof ${useCasesList(f)}>;
export type ${a.pascal}Event = EventOf<typeof ${useCasesList(f)}>;

export const ${a.camel}Decider = deciderOf<typeof ${useCasesList(f)}, ${a.pascal}State, ${a.pascal}Context>(
  initial${a.pascal}State,
  ${useCasesList(f)},
);

/** One stream per ${a.prose}: '${a.kebab}-<tenantId>-<${idField(f)}>' (stream ids always lead with their tenant). */
export function ${a.camel}StreamId(tenantId: string, ${idField(f)}: string): string {
  return streamId('${a.kebab}', tenantId, ${idField(f)});
}
`;
}

/** What every rule test of the aggregate starts from (a test helper: *.testing.ts is test code to the linters). */
export function testingTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { deciderSpec } from '@serviceops/testing';
import { ${a.camel}Decider, type ${a.pascal}Event } from './${a.kebab}.decider';

export const now = new Date('2026-03-02T01:00:00.000Z');
export const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
export const spec = (given: readonly ${a.pascal}Event[]) => deciderSpec(${a.camel}Decider, { now }).given(given);

/** The ${a.prose} as ${f.command.pascal} starts it: the history its other commands are decided on. */
export const started: ${a.pascal}Event[] = [
  { type: '${f.event}', data: { ${idField(f)}: ID, ${f.eventTime}: now.toISOString() } },
];
`;
}

export function handlersTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { Injectable } from '@nestjs/common';
import {
  EventSourcingRuntime,
  execute,
  handlesUseCases,
  type CallContext,
  type Executed,
} from '@serviceops/platform';
import {
  ${useCasesList(f)},
  ${a.camel}Decider,
  ${a.camel}StreamId,
  type ${a.pascal}Command,
  type ${a.pascal}Event,
} from '../domain/${a.kebab}/${a.kebab}.decider';
import type { ${a.pascal}State } from '../domain/${a.kebab}/${a.kebab}.state';

/** The ${a.prose} as the API answers it: the proto's ${a.pascal}. */
export interface ${a.pascal}View {
  readonly id: string;
  readonly version: number;
  readonly status: string;
}

function viewOf(id: string, { state, version }: Executed<${a.pascal}State, ${a.pascal}Event>): ${a.pascal}View {
  return { id, version, status: state.status };
}

/**
 * The ${a.prose}'s commands: each a use case that \`handles\` its declared method (its request mapped there, the
 * first one's id made for the call), served by \`act\` (bound below): load the stream, decide, append with the
 * expected version, answer the ${a.prose} with its new version. A command that does more gets a method of its own,
 * bound to its use case with \`@HandlesUseCase\`.
 */
@Injectable()
export class ${a.pascal}Handlers {
  constructor(private readonly runtime: EventSourcingRuntime) {}

  /** A command on one ${a.prose}, the one its data names. */
  async act(
    command: ${a.pascal}Command,
    request: { readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<${a.pascal}View> {
    const id = command.data.${idField(f)};
    const done = await this.runtime.timed(command.type, () =>
      execute(this.runtime.store, ${a.camel}Decider, ${a.camel}StreamId(call.tenantId, id), command, { now: new Date() }, call, {
        expectedVersion: request.expectedVersion,
      }),
    );
    return viewOf(id, done);
  }
}

// Every use case that \`handles\` its declared method: request → command → \`act\`.
handlesUseCases(${a.pascal}Handlers, ${useCasesList(f)}, function (command, request, call) {
  return this.act(command as ${a.pascal}Command, request, call);
});
`;
}

// --- apps/gateway/src/<resource> ----------------------------------------------------------------------------------

export function routesTs(f: CommandFacts): string {
  const a = f.aggregate;
  return `import { resourceRoutes } from '../routes/mount';
import * as bodies from './${f.resource}.dto';
import { ${a.pascal}View } from './${f.resource}.views';

/**
 * The ${f.service.prose} service's ${f.resource.replaceAll('-', ' ')} over REST, derived: every declared write under /${f.resource} is bound
 * to its body class (\`@BodyOf\` in ${f.resource}.dto.ts, if it takes one) and answers the ${a.prose}. A read, or a
 * write whose gRPC request differs from its body, is bound here by hand (\`route(…)\`, the last argument).
 */
export const ${a.pascal}Routes = resourceRoutes('${f.resource}', { answer: ${a.pascal}View }, bodies);
`;
}

/** The resource's body module before any command has a body: \`resourceRoutes\` reads its classes from it. */
export function emptyDtoTs(f: CommandFacts): string {
  return `// The REST bodies of the ${f.resource.replaceAll('-', ' ')}' commands, each class marked @BodyOf its RPC: the routes derive from
// them (${f.resource}.routes.ts). A command that takes nothing has none.
export {};
`;
}
