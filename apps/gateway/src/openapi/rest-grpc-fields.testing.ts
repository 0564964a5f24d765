import { loadSync } from '@grpc/proto-loader';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  GRPC_SERVICES,
  PROTO_LOADER_OPTIONS,
  type Declaration,
  type GrpcServiceName,
  type Rpc,
} from '@serviceops/contracts';

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

type Schema = SchemaObject | ReferenceObject;

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

/** The JSON Schema type each proto scalar is published as: int64 amounts and counts are integers too. */
export const REST_TYPE_OF: Readonly<Record<string, string>> = {
  TYPE_STRING: 'string',
  TYPE_BOOL: 'boolean',
  TYPE_DOUBLE: 'number',
  TYPE_FLOAT: 'number',
  TYPE_INT32: 'integer',
  TYPE_INT64: 'integer',
  TYPE_UINT32: 'integer',
  TYPE_UINT64: 'integer',
  TYPE_SINT32: 'integer',
  TYPE_SINT64: 'integer',
};

/** An object as the check sees it: a body, an answer, or the parts of a REST call gathered into one. */
export interface ObjectShape {
  /** Its schema's name in the OpenAPI document (`the REST call` for a request's parts). */
  readonly name: string;
  readonly properties: Readonly<Record<string, Schema>>;
  readonly required: readonly string[];
}

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
export class FieldComparer {
  constructor(
    private readonly schemas: Readonly<Record<string, Schema>>,
    private readonly proto: ProtoService,
  ) {}

  /** A schema with its `$ref` (or a lone `allOf`) followed, and the name it was found under. */
  resolve(schema: Schema | undefined, name = 'inline'): { name: string; schema: SchemaObject } | undefined {
    if (!schema) return undefined;
    if ('$ref' in schema) {
      const ref = schema.$ref.split('/').pop() ?? '';
      return this.resolve(this.schemas[ref], ref);
    }
    if (schema.allOf?.length === 1) return this.resolve(schema.allOf[0], name);
    return { name, schema };
  }

  shapeOf(schema: Schema | undefined): ObjectShape | undefined {
    const resolved = this.resolve(schema);
    if (!resolved || (resolved.schema.type !== 'object' && !resolved.schema.properties)) return undefined;
    const { properties = {}, required = [] } = resolved.schema;
    return { name: resolved.name, properties, required };
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

function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
}

function jsonSchemaOf(content: { content?: Record<string, { schema?: Schema }> } | undefined) {
  return content?.content?.['application/json']?.schema;
}

/** The operation serving `rpc` in `document`. */
export function operationOf(document: OpenAPIObject, rpc: Rpc): OperationObject | undefined {
  for (const item of Object.values(document.paths))
    for (const method of ['get', 'post', 'put'] as const)
      if (item[method]?.operationId === rpc.replace('.', '_')) return item[method];
  return undefined;
}

/**
 * What a REST call of `rpc` carries, as the one object its gRPC request is: the path's parameters (under the
 * field the declaration says each travels in), the query, the body (its fields, or the one field the declaration
 * says it is), and `expectedVersion` where the declaration takes If-Match.
 */
export function restRequestOf(
  comparer: FieldComparer,
  operation: OperationObject,
  { http }: Declaration,
): ObjectShape {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const parameter of parametersOf(operation)) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const name =
      parameter.in === 'path' ? (http.paramFields?.[parameter.name] ?? parameter.name) : parameter.name;
    properties[name] = parameter.schema ?? {};
    if (parameter.required) required.push(name);
  }
  const schema = jsonSchemaOf(operation.requestBody as { content?: Record<string, { schema?: Schema }> });
  if (schema && http.bodyField) {
    properties[http.bodyField] = schema;
    required.push(http.bodyField);
  } else {
    const body = comparer.shapeOf(schema);
    Object.assign(properties, body?.properties);
    required.push(...(body?.required ?? []));
  }
  if (http.ifMatch) properties['expectedVersion'] = { type: 'integer' };
  return { name: 'the REST call', properties, required };
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
  const answered = jsonSchemaOf(
    operation.responses[String(declaration.http.status)] as { content?: Record<string, { schema?: Schema }> },
  );
  const shape = comparer.shapeOf(answered);
  const answer = shape
    ? comparer.message(`${rpc} answer`, proto.message(messages.reply), shape, 'answer')
    : [`${rpc} answer: no object schema over REST`];
  return [...request, ...answer];
}
