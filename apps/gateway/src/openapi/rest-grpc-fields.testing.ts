import { loadSync } from '@grpc/proto-loader';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  GRPC_SERVICES,
  PROTO_LOADER_OPTIONS,
  type Declaration,
  type GrpcServiceName,
  type Rpc,
} from '@serviceops/contracts';
import { JSON_TYPE_OF } from './proto-files';
import {
  operationOf,
  restAnswerOf,
  restRequestOf,
  SchemaReader,
  type ObjectShape,
  type Schema,
} from './rest-shapes';

export { operationOf, restRequestOf, type ObjectShape };

/** A field of a proto message as proto-loader describes it (names camelCase). */
export interface ProtoField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly typeName: string;
  readonly oneofIndex?: number;
}

export interface ProtoMessage {
  readonly name: string;
  readonly field: readonly ProtoField[];
  readonly oneofDecl: readonly { readonly name: string }[];
  readonly nestedType?: readonly ProtoMessage[];
  readonly options?: { readonly mapEntry?: boolean } | null;
}

/** The messages and methods of one service's proto. */
export interface ProtoService {
  readonly message: (name: string) => ProtoMessage;
  readonly method: (name: string) => { readonly request: string; readonly reply: string } | undefined;
}

interface MethodDefinition {
  readonly requestType: { readonly type: { readonly name: string } };
  readonly responseType: { readonly type: { readonly name: string } };
}

const LOADED = new Map<GrpcServiceName, ProtoService>();

export function protoServiceOf(service: GrpcServiceName): ProtoService {
  const known = LOADED.get(service);
  if (known) return known;
  const { package: pkg, service: name, proto } = GRPC_SERVICES[service];
  const definitions = loadSync(proto, PROTO_LOADER_OPTIONS);
  const methods = definitions[`${pkg}.${name}`] as Readonly<Record<string, MethodDefinition>> | undefined;
  const loaded: ProtoService = {
    message: (message) => {
      // proto-loader names a field's type relative to the package, at times partly qualified (`orders.v1.X`).
      const key = Object.keys(definitions).find(
        (k) => k === `${pkg}.${message}` || k.endsWith(`.${message}`),
      );
      const definition = (key ? definitions[key] : undefined) as { type?: ProtoMessage } | undefined;
      if (!definition?.type) throw new Error(`no message ${message} in ${proto}`);
      return definition.type;
    },
    method: (method) => {
      const found = methods?.[method];
      return found && { request: found.requestType.type.name, reply: found.responseType.type.name };
    },
  };
  LOADED.set(service, loaded);
  return loaded;
}

/** proto3 `optional`: the field sits alone in its synthetic oneof, named `_<field>`. */
export function isOptional(owner: ProtoMessage, field: ProtoField): boolean {
  return field.oneofIndex !== undefined && owner.oneofDecl[field.oneofIndex]?.name === `_${field.name}`;
}

/** The JSON Schema type each proto scalar is published as, by proto-loader's names (`TYPE_INT64`). */
export const REST_TYPE_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(JSON_TYPE_OF).map(([scalar, json]) => [`TYPE_${scalar.toUpperCase()}`, json]),
);

/** A request or an answer: in a request, a repeated field may be left out (it is then empty). */
export type Side = 'request' | 'answer';

/** A message whose only field is `repeated items`: a list whose absence means something ("no change"). */
function wrappedList(message: ProtoMessage): ProtoField | undefined {
  const [only, ...rest] = message.field;
  return only && rest.length === 0 && only.name === 'items' && only.label === 'LABEL_REPEATED'
    ? only
    : undefined;
}

/** A map field's entry type (proto-loader keeps it inside its owner, marked mapEntry). */
function mapEntryOf(owner: ProtoMessage, field: ProtoField): ProtoMessage | undefined {
  return owner.nestedType?.find((t) => t.name === field.typeName && t.options?.mapEntry);
}

/**
 * Compares the schemas the gateway publishes with the proto's messages, field by field and down every nested
 * message: the same names, the same kinds (string, integer, number, boolean, object, array, map), and a field
 * the proto says is `optional` is not required over REST, nor the other way round.
 */
export class FieldComparer extends SchemaReader {
  constructor(
    schemas: Readonly<Record<string, Schema>>,
    private readonly proto: ProtoService,
  ) {
    super(schemas);
  }

  /** What differs between `shape` and `message`, one line each, every line starting with `at`. */
  message(at: string, message: ProtoMessage, shape: ObjectShape, side: Side): string[] {
    const differences: string[] = [];
    const where = `(proto ${message.name}, OpenAPI ${shape.name})`;
    const fields = new Set(message.field.map((f) => f.name));
    for (const name of Object.keys(shape.properties))
      if (!fields.has(name)) differences.push(`${at}.${name}: over REST only ${where}`);
    for (const field of message.field) {
      const property = shape.properties[field.name];
      if (!property) {
        differences.push(`${at}.${field.name}: over gRPC only ${where}`);
        continue;
      }
      const required = shape.required.includes(field.name);
      const optional = isOptional(message, field);
      if (optional && required)
        differences.push(`${at}.${field.name}: required over REST, \`optional\` in the proto ${where}`);
      const mayBeLeftOut = side === 'request' && field.label === 'LABEL_REPEATED';
      if (!optional && !required && !mayBeLeftOut)
        differences.push(
          `${at}.${field.name}: not required over REST, not \`optional\` in the proto ${where}`,
        );
      differences.push(...this.field(`${at}.${field.name}`, message, field, property, side, where));
    }
    return differences;
  }

  private field(
    at: string,
    owner: ProtoMessage,
    field: ProtoField,
    property: Schema,
    side: Side,
    where: string,
  ): string[] {
    const schema = this.resolve(property)?.schema;
    const entry = mapEntryOf(owner, field);
    if (entry) {
      const value = entry.field.find((f) => f.name === 'value');
      const values = schema?.additionalProperties;
      if (schema?.type !== 'object' || !values || typeof values !== 'object' || !value)
        return [`${at}: a map in the proto, not an object of values over REST ${where}`];
      return this.value(`${at}{}`, entry, value, values, side, where);
    }
    if (field.label === 'LABEL_REPEATED') {
      if (schema?.type !== 'array' || !schema.items)
        return [`${at}: repeated in the proto, not an array over REST ${where}`];
      return this.value(`${at}[]`, owner, field, schema.items, side, where);
    }
    return this.value(at, owner, field, property, side, where);
  }

  /** One value of `field` (an element of a repeated one) against `property`. */
  private value(
    at: string,
    owner: ProtoMessage,
    field: ProtoField,
    property: Schema,
    side: Side,
    where: string,
  ): string[] {
    const schema = this.resolve(property)?.schema;
    if (field.type === 'TYPE_MESSAGE') {
      const message = this.proto.message(field.typeName);
      const list = wrappedList(message);
      // gRPC wraps a list to tell "no change" (absent) from "clear" (empty); REST says it with an array or none.
      if (list && schema?.type === 'array' && schema.items)
        return this.value(`${at}[]`, message, list, schema.items, side, where);
      const shape = this.shapeOf(property);
      if (!shape) return [`${at}: a ${message.name} in the proto, not an object over REST ${where}`];
      return this.message(at, message, shape, side);
    }
    const expected = REST_TYPE_OF[field.type];
    const type = schema?.type;
    if (type !== expected)
      return [
        `${at}: ${field.type} in the proto, ${String(type)} over REST (want ${String(expected)}) ${where}`,
      ];
    return [];
  }
}

/** Everything that differs between `rpc`'s REST route and its gRPC method, one line each: none when alike. */
export function differencesOf(document: OpenAPIObject, rpc: Rpc, declaration: Declaration): string[] {
  const [service, method] = rpc.split('.') as [GrpcServiceName, string];
  const proto = protoServiceOf(service);
  const messages = proto.method(method);
  if (!messages) return [`${rpc}: no such method in the proto`];
  const operation = operationOf(document, rpc);
  if (!operation) return [`${rpc}: no REST route`];
  const comparer = new FieldComparer(document.components?.schemas ?? {}, proto);
  const request = comparer.message(
    `${rpc} request`,
    proto.message(messages.request),
    restRequestOf(comparer, operation, declaration),
    'request',
  );
  const shape = restAnswerOf(comparer, operation, declaration);
  const answer = shape
    ? comparer.message(`${rpc} answer`, proto.message(messages.reply), shape, 'answer')
    : [`${rpc} answer: no object schema over REST`];
  return [...request, ...answer];
}
