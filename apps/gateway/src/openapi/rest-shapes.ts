import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';
import type { Declaration, Rpc } from '@serviceops/contracts';

// How a method's REST call and answer read in the served OpenAPI document, as the one object its gRPC request and
// reply are: what the REST/gRPC check compares with the proto (rest-grpc-fields.testing.ts), and what the proto's
// messages are written from (proto-files.ts).

export type Schema = SchemaObject | ReferenceObject;

/** An object as the check sees it: a body, an answer, or the parts of a REST call gathered into one. */
export interface ObjectShape {
  /** Its schema's name in the OpenAPI document (`the REST call` for a request's parts). */
  readonly name: string;
  readonly properties: Readonly<Record<string, Schema>>;
  readonly required: readonly string[];
}

/** The document's named schemas, their references followed. */
export class SchemaReader {
  constructor(protected readonly schemas: Readonly<Record<string, Schema>>) {}

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
}

function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
}

export function jsonSchemaOf(content: unknown): Schema | undefined {
  return (content as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
    'application/json'
  ]?.schema;
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
  reader: SchemaReader,
  operation: OperationObject,
  { http }: Declaration,
): ObjectShape {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const parameter of parametersOf(operation)) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const name =
      parameter.in === 'path' ? (http.paramFields?.[parameter.name] ?? parameter.name) : parameter.name;
    const schema = parameter.schema ?? {};
    // A parameter's words sit on the parameter, not its schema.
    properties[name] = parameter.description ? { ...schema, description: parameter.description } : schema;
    if (parameter.required) required.push(name);
  }
  const schema = jsonSchemaOf(operation.requestBody);
  if (schema && http.bodyField) {
    properties[http.bodyField] = schema;
    required.push(http.bodyField);
  } else {
    const body = reader.shapeOf(schema);
    Object.assign(properties, body?.properties);
    required.push(...(body?.required ?? []));
  }
  if (http.ifMatch)
    properties['expectedVersion'] = {
      type: 'integer',
      description: 'If-Match over REST: the version the caller last saw.',
    };
  return { name: 'the REST call', properties, required };
}

/** The REST answer of `rpc`'s operation, as an object (undefined when it is none). */
export function restAnswerOf(
  reader: SchemaReader,
  operation: OperationObject,
  { http }: Declaration,
): ObjectShape | undefined {
  return reader.shapeOf(jsonSchemaOf(operation.responses[String(http.status)]));
}
