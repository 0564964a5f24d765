import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  allDeclarations,
  GRPC_SERVICES,
  type Declaration,
  type GrpcServiceName,
} from '@serviceops/contracts';
import { parse, util, type Field, type Namespace, type Service, type Type } from 'protobufjs';
import {
  operationOf,
  restAnswerOf,
  restRequestOf,
  SchemaReader,
  type ObjectShape,
  type Schema,
} from './rest-shapes';

// The services' `.proto` files are written from the one statement of each method's shapes: the gateway's request
// and answer classes, as the served OpenAPI document publishes them (the same reading the REST/gRPC check makes,
// rest-shapes.ts). `npm run docs` rewrites them; proto-files.unit.spec.ts fails while a committed one is stale.
//
// The wire is the committed file's: a field keeps its number and type, a message its name; a new field takes the
// next free number; a removed field's number is `reserved`. So the writer reads the current file (protobufjs) and
// refuses, naming the field, a change that would break an existing client. What cannot be derived from REST (a
// sign-in's answer carries the token in metadata over gRPC) is fenced `// hand-written: why` … `// end
// hand-written` and kept verbatim. The file's opening (syntax, package and its comment) and the comments on
// methods, messages and fields are kept from the current file: they document the gRPC contract.

export const HAND_WRITTEN = '// hand-written:';
export const HAND_WRITTEN_END = '// end hand-written';

const COMMENT_WIDTH = 110;

/** `text` as comment lines of at most COMMENT_WIDTH columns (a longer word stays whole). */
function wrapped(text: string, indent: string): string {
  const width = COMMENT_WIDTH - indent.length - 3;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map((line) => `${indent}// ${line}`.trimEnd() + '\n').join('');
}

/** What the proto says of a field: OpenAPI's description of it, else the values its enum allows. */
export function fieldComment(schema: Schema, reader: SchemaReader): string | undefined {
  const own = 'description' in schema ? schema.description : undefined;
  const resolved = reader.resolve(schema)?.schema;
  const items = resolved?.type === 'array' ? reader.resolve(resolved.items)?.schema : undefined;
  const values = resolved?.enum ?? items?.enum;
  const description = own ?? resolved?.description;
  if (!values) return description;
  // The values, unless the words already name every one.
  if (description && values.every((v) => description.includes(String(v)))) return description;
  return description ? `${description}: ${values.join(', ')}` : values.join(', ');
}

/** The JSON Schema type each proto scalar is published as: int64 amounts and counts are integers too. */
export const JSON_TYPE_OF: Readonly<Record<string, string>> = {
  string: 'string',
  bool: 'boolean',
  double: 'number',
  float: 'number',
  int32: 'integer',
  int64: 'integer',
  uint32: 'integer',
  uint64: 'integer',
  sint32: 'integer',
  sint64: 'integer',
};

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * A new integer field is an int32 unless REST lets it pass int32's bounds (an amount of money: up to
 * MAX_SAFE_INTEGER) or says int64: int64 travels as a string in JS, so it is kept for what needs it.
 */
function fitsInt32({ format, minimum, maximum }: { format?: string; minimum?: number; maximum?: number }) {
  if (format === 'int64') return false;
  return (maximum ?? 0) <= INT32.max && (minimum ?? 0) >= INT32.min;
}

/** One method as REST states it: the request (every part of the call as one object) and the answer. */
export interface MethodShapes {
  readonly method: string;
  /** The declaration's summary: the method's comment. */
  readonly summary?: string;
  readonly request: ObjectShape;
  readonly answer: ObjectShape | undefined;
}

/** A field to write. */
interface FieldLine {
  readonly id: number;
  readonly text: string;
}

interface Fence {
  readonly text: string;
  readonly messages: readonly string[];
}

/** The current file, as the writer keeps from it. */
class Current {
  readonly prologue: string;
  readonly pkg: Namespace;
  readonly service: Service;
  readonly fences: readonly Fence[];
  /** The top-level messages in the file's order. */
  readonly order: readonly string[];
  private readonly bodies = new Map<string, string>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    const parsed = parse(text, { keepCase: true, alternateCommentMode: true });
    if (!parsed.package) throw new Error(`${file}: no package`);
    this.pkg = parsed.root.lookup(parsed.package) as Namespace;
    const services = this.pkg.nestedArray.filter((n): n is Service => 'methods' in n);
    if (services.length !== 1 || !services[0]) throw new Error(`${file}: one service per file`);
    this.service = services[0];
    const opening = /^package [\w.]+;[^\n]*\n/m.exec(text);
    if (!opening) throw new Error(`${file}: no package line`);
    this.prologue = text.slice(0, opening.index + opening[0].length);
    const fence = new RegExp(`^${HAND_WRITTEN}.*\\n[\\s\\S]*?^${HAND_WRITTEN_END}[^\\n]*\\n?`, 'gm');
    this.fences = [...text.matchAll(fence)].map(([block]) => ({
      text: block.trimEnd(),
      messages: [...block.matchAll(/^message (\w+)/gm)].map((m) => m[1] ?? ''),
    }));
    this.order = [...text.matchAll(/^message (\w+)\s*\{([^}]*)\}/gm)].map(([, name = '', body = '']) => {
      this.bodies.set(name, body);
      return name;
    });
  }

  /**
   * What stands between `element` (`rpc Name` or `message Name`) and the one before it, beyond the comment
   * attached to it: a blank line (methods in groups) and detached comments (`// ---- inquiries ----`).
   */
  gap(element: string): { blank: boolean; detached: string } {
    const lines = this.text.split('\n');
    let at = lines.findIndex((line) => new RegExp(`^\\s*${element}\\b`).test(line)) - 1;
    if (at < 0) return { blank: false, detached: '' };
    while (at >= 0 && /^\s*\/\//.test(lines[at] ?? '')) at -= 1;
    const blank = (lines[at] ?? '').trim() === '';
    const gap: string[] = [];
    // A fence's end closes what came before, as a message's `}` does.
    while (at >= 0 && /^\s*(\/\/.*)?$/.test(lines[at] ?? '') && !lines[at]?.startsWith(HAND_WRITTEN_END))
      gap.unshift(lines[at--] ?? '');
    const detached = gap.map((line) => line.trim()).filter((line) => line !== '');
    return { blank, detached: detached.length > 0 ? `${detached.join('\n')}\n\n` : '' };
  }

  message(name: string): Type | undefined {
    const found = this.pkg.get(name);
    return found && 'fieldsArray' in found ? (found as Type) : undefined;
  }

  fenced(name: string): boolean {
    return this.fences.some((f) => f.messages.includes(name));
  }

  /** The message's `reserved` lines as written, comments included. */
  reservedLines(name: string): string[] {
    return [...(this.bodies.get(name) ?? '').matchAll(/^[ \t]*reserved [^;]*;.*$/gm)].map(([line]) =>
      line.trim(),
    );
  }
}

const withoutComments = (text: string) => text.replace(/^[ \t]*\/\/.*\n/gm, '');

/** A map field's key type (protobufjs's MapField), undefined for any other field. */
const keyTypeOf = (field: Field): string | undefined =>
  'keyType' in field && typeof field.keyType === 'string' ? field.keyType : undefined;

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function commentLines(comment: string | null | undefined, indent: string): string {
  return comment
    ? comment
        .split('\n')
        .map((line) => `${indent}// ${line}`.trimEnd() + '\n')
        .join('')
    : '';
}

/** Writes one service's messages from its methods' REST shapes, over the current file's wire. */
class ProtoWriter {
  private readonly written = new Map<string, string>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly current: Current,
    private readonly reader: SchemaReader,
  ) {}

  write(methods: readonly MethodShapes[]): string {
    const rpcs = new Map(this.current.service.methodsArray.map((m) => [m.name, m]));
    const summaries = new Map(methods.map((m) => [m.method, m.summary]));
    const lines: string[] = [];
    for (const { method, request, answer, summary } of methods) {
      const known = rpcs.get(method);
      const requestType = known?.requestType ?? `${method}Request`;
      if (!answer) throw new Error(`${this.current.file} ${method}: the REST answer is not an object`);
      const responseType = known?.responseType ?? answer.name;
      this.message(requestType, request, `${method} request`);
      this.message(responseType, answer, `${method} answer`);
      if (!known)
        lines.push(
          `${summary ? wrapped(summary, '  ') : ''}  rpc ${method}(${requestType}) returns (${responseType});\n`,
        );
    }
    const declared = new Set(methods.map((m) => m.method));
    const undeclared = this.current.service.methodsArray.filter((m) => !declared.has(m.name));
    for (const m of undeclared)
      for (const type of [m.requestType, m.responseType])
        if (!this.current.fenced(type))
          throw new Error(
            `${this.current.file}: ${m.name} has no declaration; fence its message ${type} (${HAND_WRITTEN} why)`,
          );
    const service =
      `service ${this.current.service.name} {\n` +
      this.current.service.methodsArray
        .map((m, i) => {
          const { blank, detached } = this.current.gap(`rpc ${m.name}\\(`);
          // A fenced method has no declaration: its comment is the proto's own.
          const comment = summaries.has(m.name) ? summaries.get(m.name) : m.comment;
          return (
            (i > 0 && blank ? '\n' : '') +
            detached
              .split('\n')
              .filter(Boolean)
              .map((line) => `  ${line}\n`)
              .join('') +
            (detached ? '\n' : '') +
            `${comment ? wrapped(comment, '  ') : ''}  rpc ${m.name}(${m.requestType}) returns (${m.responseType});\n`
          );
        })
        .join('') +
      lines.join('') +
      '}';
    const blocks: string[] = [];
    const placed = new Set<string>();
    for (const name of [...this.current.order, ...this.written.keys()]) {
      if (placed.has(name)) continue;
      const fence = this.current.fences.find((f) => f.messages.includes(name));
      if (fence) {
        blocks.push(fence.text);
        fence.messages.forEach((m) => placed.add(m));
      } else if (this.written.has(name)) {
        blocks.push(this.written.get(name) ?? '');
        placed.add(name);
      }
    }
    const text = `${this.current.prologue}\n${[service, ...blocks].join('\n\n')}\n`;
    try {
      parse(text).root.resolveAll();
    } catch (error) {
      throw new Error(
        `${this.current.file}: ${(error as Error).message}: a message a hand-written one uses is written from REST, or fenced too`,
      );
    }
    const problems = wireChanges(this.current.text, text);
    if (problems.length > 0) throw new Error(`${this.current.file}: ${problems.join('; ')}`);
    return text;
  }

  /** Writes message `name` from `shape` (and every message it holds), once. */
  private message(name: string, shape: ObjectShape, at: string): void {
    if (this.current.fenced(name) || this.inProgress.has(name)) return;
    this.inProgress.add(name);
    const text = this.render(name, shape, at);
    this.inProgress.delete(name);
    const before = this.written.get(name);
    if (before === undefined) this.written.set(name, text);
    // One message read from a request class and from an answer class: their wire must agree; the words of the
    // first (methods in declaration order) are kept.
    else if (withoutComments(before) !== withoutComments(text))
      throw new Error(
        `${this.current.file} ${at}: message ${name} is written from two different shapes; give one its own class`,
      );
  }

  private render(name: string, shape: ObjectShape, at: string): string {
    const existing = this.current.message(name);
    const old = existing?.fieldsArray ?? [];
    const reservedIds = (existing?.reserved ?? []).flatMap((r) => (Array.isArray(r) ? [r[1] ?? 0] : []));
    let next = Math.max(0, ...old.map((f) => f.id), ...reservedIds) + 1;
    const byRestName = new Map(old.map((f) => [util.camelCase(f.name), f]));
    const fields: FieldLine[] = [];
    for (const [property, schema] of Object.entries(shape.properties)) {
      const required = shape.required.includes(property);
      const here = `${at}.${property}`;
      const field = byRestName.get(property);
      if (field) {
        const declaration = this.kept(field, schema, required, here);
        fields.push({
          id: field.id,
          text: `${this.commented(schema)}  ${declaration} ${field.name} = ${field.id};\n`,
        });
      } else {
        const protoName = snakeCase(property);
        if (util.camelCase(protoName) !== property)
          throw new Error(`${this.current.file} ${here}: no proto field name reads back as ${property}`);
        fields.push({
          id: next,
          text: `${this.commented(schema)}  ${this.fresh(schema, required, here)} ${protoName} = ${next};\n`,
        });
        next += 1;
      }
    }
    const removed = old
      .filter((f) => !(util.camelCase(f.name) in shape.properties))
      .map((f) => `reserved ${f.id}; // ${f.name}: no longer in ${shape.name}`);
    const reserved = [...this.current.reservedLines(name), ...removed].map((line) => `  ${line}\n`);
    const body = [...fields.sort((a, b) => a.id - b.id).map((f) => f.text), ...reserved].join('');
    const { detached } = this.current.gap(`message ${name}`);
    return `${detached}${commentLines(existing?.comment, '')}message ${name} {${body ? `\n${body}` : ''}}`;
  }

  private commented(schema: Schema): string {
    const comment = fieldComment(schema, this.reader);
    return comment ? wrapped(comment, '  ') : '';
  }

  /** An existing field's declaration: its type kept, checked against what REST says. */
  private kept(field: Field, schema: Schema, required: boolean, at: string): string {
    const resolved = this.reader.resolve(schema)?.schema;
    const keyType = keyTypeOf(field);
    if (keyType) {
      const values = resolved?.additionalProperties;
      if (resolved?.type !== 'object' || !values || typeof values !== 'object')
        throw this.wire(at, `map<${keyType}, ${field.type}>`, resolved?.type);
      this.element(field.type, values, at);
      return `map<${keyType}, ${field.type}>`;
    }
    if (field.repeated) {
      if (resolved?.type !== 'array' || !resolved.items)
        throw this.wire(at, `repeated ${field.type}`, resolved?.type);
      this.element(field.type, resolved.items, `${at}[]`);
      return `repeated ${field.type}`;
    }
    this.element(field.type, schema, at);
    return `${required ? '' : 'optional '}${field.type}`;
  }

  /** One value of an existing field of type `type` against `schema`. */
  private element(type: string, schema: Schema, at: string): void {
    const resolved = this.reader.resolve(schema)?.schema;
    const json = JSON_TYPE_OF[type];
    if (json) {
      if (resolved?.type !== json) throw this.wire(at, type, resolved?.type);
      return;
    }
    const message = this.current.message(type);
    const only = message?.fieldsArray.length === 1 ? message.fieldsArray[0] : undefined;
    // gRPC wraps a list to tell "no change" (absent) from "clear" (empty); REST says it with an array or none.
    if (only?.name === 'items' && only.repeated && resolved?.type === 'array') {
      this.message(type, { name: type, properties: { items: schema }, required: ['items'] }, at);
      return;
    }
    const shape = this.reader.shapeOf(schema);
    if (!shape) throw this.wire(at, type, resolved?.type);
    this.message(type, shape, at);
  }

  /** A new field's declaration, from REST alone. */
  private fresh(schema: Schema, required: boolean, at: string): string {
    const resolved = this.reader.resolve(schema);
    if (resolved?.schema.type === 'array' && resolved.schema.items)
      return `repeated ${this.freshType(resolved.schema.items, `${at}[]`)}`;
    const values = resolved?.schema.additionalProperties;
    if (resolved?.schema.type === 'object' && values && typeof values === 'object')
      return `map<string, ${this.freshType(values, `${at}{}`)}>`;
    return `${required ? '' : 'optional '}${this.freshType(schema, at)}`;
  }

  private freshType(schema: Schema, at: string): string {
    const resolved = this.reader.resolve(schema);
    switch (resolved?.schema.type) {
      case 'string':
        return 'string';
      case 'boolean':
        return 'bool';
      case 'number':
        return 'double';
      case 'integer':
        return fitsInt32(resolved.schema) ? 'int32' : 'int64';
      case undefined:
      default: {
        const shape = this.reader.shapeOf(schema);
        if (!shape || shape.name === 'inline')
          throw new Error(
            `${this.current.file} ${at}: not a named object, a scalar or a list: cannot be a field`,
          );
        this.message(shape.name, shape, at);
        return shape.name;
      }
    }
  }

  private wire(at: string, proto: string, rest: unknown): Error {
    return new Error(
      `${this.current.file} ${at}: ${proto} in the proto, ${String(rest)} over REST: changing the field would break ` +
        'the wire; give the new shape a new field (or method) and leave this one',
    );
  }
}

/**
 * What `after` changes on the wire of `before`: a field's number or type, a method's messages, a number reused.
 * Comments, layout and `optional` (presence, not encoding) are not the wire.
 */
export function wireChanges(before: string, after: string): string[] {
  const read = (text: string) => {
    const parsed = parse(text, { keepCase: true });
    parsed.root.resolveAll();
    return parsed.root.lookup(parsed.package ?? '') as Namespace;
  };
  const [old, now] = [read(before), read(after)];
  const changes: string[] = [];
  for (const item of old.nestedArray) {
    const counterpart = now.get(item.name);
    if ('methodsArray' in item) {
      for (const method of (item as Service).methodsArray) {
        const same = (counterpart as Service | null)?.methods[method.name];
        if (same && (same.requestType !== method.requestType || same.responseType !== method.responseType))
          changes.push(`${method.name} now takes ${same.requestType} and answers ${same.responseType}`);
      }
      continue;
    }
    if (!('fieldsArray' in item) || !counterpart) continue;
    const type = counterpart as Type;
    for (const field of (item as Type).fieldsArray) {
      const same = type.fields[field.name];
      const shape = (f: Field) => {
        const key = keyTypeOf(f);
        return `${f.repeated ? 'repeated ' : ''}${key ? `map<${key}, ${f.type}>` : f.type}`;
      };
      if (same && (same.id !== field.id || shape(same) !== shape(field)))
        changes.push(
          `${item.name}.${field.name} was ${shape(field)} = ${field.id}, now ${shape(same)} = ${same.id}`,
        );
      const reuse = type.fieldsArray.find((f) => f.id === field.id && f.name !== field.name);
      if (reuse) changes.push(`${item.name}.${reuse.name} takes number ${field.id} of ${field.name}`);
    }
    for (const range of (item as Type).reserved ?? [])
      if (Array.isArray(range))
        for (const f of type.fieldsArray)
          if (f.id >= (range[0] ?? 0) && f.id <= (range[1] ?? 0))
            changes.push(`${item.name}.${f.name} takes reserved number ${f.id}`);
  }
  return changes;
}

/** A service's proto as the writer writes it from `document`, beside the committed one. */
export interface ProtoFile {
  readonly service: GrpcServiceName;
  readonly path: string;
  readonly committed: string;
  readonly written: string;
}

/** Every service's proto, written from the gateway's OpenAPI document over the committed files (as `read` reads them). */
export function protoFiles(
  document: OpenAPIObject,
  read: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): ProtoFile[] {
  const reader = new SchemaReader(document.components?.schemas ?? {});
  const declarations = allDeclarations();
  return (Object.keys(GRPC_SERVICES) as GrpcServiceName[]).map((service) => {
    const { proto } = GRPC_SERVICES[service];
    const committed = read(proto);
    const methods = declarations
      .filter(({ rpc }) => rpc.startsWith(`${service}.`))
      .map(({ rpc, declaration }) => methodShapes(reader, document, rpc, declaration));
    const written = writeProto(`${service}.proto`, committed, methods, reader);
    return { service, path: proto, committed, written };
  });
}

function methodShapes(reader: SchemaReader, document: OpenAPIObject, rpc: string, declaration: Declaration) {
  const operation = operationOf(document, rpc as never);
  if (!operation) throw new Error(`${rpc}: no REST route`);
  return {
    method: rpc.split('.')[1] ?? rpc,
    summary: declaration.summary,
    request: restRequestOf(reader, operation, declaration),
    answer: restAnswerOf(reader, operation, declaration),
  };
}

/** One proto's text written from its methods' REST shapes over `current` (the committed text). */
export function writeProto(
  file: string,
  current: string,
  methods: readonly MethodShapes[],
  reader: SchemaReader,
): string {
  return new ProtoWriter(new Current(file, current), reader).write(methods);
}
