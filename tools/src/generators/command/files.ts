import type { Names } from '../../lib/names';
import { dtoImports, dtoProperty, type Field } from './fields';

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

const rpc = (f: CommandFacts): string => `${f.service.kebab}.${f.command.pascal}`;

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

// --- apps/gateway/src/<resource> ----------------------------------------------------------------------------------

/** The REST body class of a command with fields: `ConfirmOrderDto`. */
export const dtoName = (f: CommandFacts): string => `${f.command.pascal}Dto`;

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
