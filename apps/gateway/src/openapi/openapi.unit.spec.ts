import type { INestApplication } from '@nestjs/common';
import { routesOnlyDocument } from './routes-only.testing';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { loadSync, type ServiceDefinition } from '@grpc/proto-loader';
import { GRPC_SERVICES, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';

interface ProtoField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly typeName: string;
  readonly oneofIndex: number;
}

interface ProtoMessage {
  readonly field: readonly ProtoField[];
  readonly oneofDecl: readonly { readonly name: string }[];
}

const { package: PACKAGE, service: SERVICE, proto } = GRPC_SERVICES.customers;
const definitions = loadSync(proto, PROTO_LOADER_OPTIONS);
const customers = definitions[`${PACKAGE}.${SERVICE}`] as ServiceDefinition;
const METHODS = Object.keys(customers);

/** The name of a method's request or answer message. */
function messageName(method: string, which: 'requestType' | 'responseType'): string {
  const definition = customers[method];
  if (!definition) throw new Error(`no method ${method}`);
  return (definition[which].type as { name: string }).name;
}

function message(name: string): ProtoMessage {
  const definition = definitions[`${PACKAGE}.${name}`] as { type?: ProtoMessage } | undefined;
  if (!definition?.type) throw new Error(`no message ${name} in ${proto}`);
  return definition.type;
}

/** proto3 `optional`: the field sits alone in its synthetic oneof, named `_<field>`. */
function isOptional(owner: ProtoMessage, field: ProtoField): boolean {
  return owner.oneofDecl[field.oneofIndex]?.name === `_${field.name}`;
}

const SCALARS: Readonly<Record<string, readonly string[]>> = {
  TYPE_STRING: ['string'],
  TYPE_BOOL: ['boolean'],
  TYPE_INT32: ['integer', 'number'],
  TYPE_DOUBLE: ['number'],
};

type Schema = SchemaObject | ReferenceObject;

function refOf(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  if ('$ref' in schema) return schema.$ref.split('/').pop();
  return schema.allOf?.length === 1 ? refOf(schema.allOf[0]) : undefined;
}

/** What is wrong with how `property` shows `field` (undefined: nothing). */
function mismatchOf(field: ProtoField, property: Schema): string | undefined {
  const repeated = field.label === 'LABEL_REPEATED';
  const schema = repeated
    ? 'type' in property && property.type === 'array'
      ? property.items
      : undefined
    : property;
  if (!schema) return `${field.name} should be an array`;
  if (field.type === 'TYPE_MESSAGE')
    return refOf(schema) === field.typeName ? undefined : `${field.name} should be a ${field.typeName}`;
  const type = 'type' in schema ? schema.type : undefined;
  const allowed = SCALARS[field.type] ?? [];
  return typeof type === 'string' && allowed.includes(type)
    ? undefined
    : `${field.name} should be ${allowed.join(' or ')}, not ${String(type)}`;
}

let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await routesOnlyDocument());
});

afterAll(async () => {
  await app?.close();
});

function schemaNamed(name: string): SchemaObject {
  const schema = document.components?.schemas?.[name];
  if (!schema || '$ref' in schema) throw new Error(`no schema ${name} in the OpenAPI document`);
  return schema;
}

function operations(): { method: string; path: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put'] as const).flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method: method.toUpperCase(), path, operation }] : [];
    }),
  );
}

function operationOf(rpc: string): OperationObject {
  const found = operations().find((o) => o.operation.operationId === rpc.replace('.', '_'));
  if (!found) throw new Error(`no route ends in ${rpc}`);
  return found.operation;
}

function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
}

/** The messages the customers RPCs answer with, and every message inside them. */
function answeredMessages(): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const field of message(name).field) if (field.type === 'TYPE_MESSAGE') visit(field.typeName);
  };
  for (const method of METHODS) visit(messageName(method, 'responseType'));
  return [...seen].sort();
}

describe('the OpenAPI document', () => {
  it('builds, with every route of the customers service', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/customers',
        '/api/v1/customers/{id}',
        '/api/v1/customers/{id}/history',
        '/api/v1/customers/{id}/timeline',
        '/api/v1/customers/{id}/change-contacts',
        '/api/v1/customers/{id}/update-file',
        '/api/v1/customers/{id}/merge',
        '/api/v1/customers/{id}/undo-merge',
        '/api/v1/customers/{id}/erase',
        '/api/v1/inquiries',
        '/api/v1/inquiries/{id}',
        '/api/v1/inquiries/{id}/history',
        '/api/v1/inquiries/{id}/answer',
        '/api/v1/inquiries/{id}/hand-off',
        '/api/v1/return-visits',
        '/api/v1/return-visits/{id}',
        '/api/v1/return-visits/{id}/record',
        '/api/v1/return-visits/{id}/cancel',
        '/api/v1/policies/customers',
        '/api/v1/policies/customers/history',
      ]),
    );
  });

  describe.each(answeredMessages())('the %s schema', (name) => {
    it('has the fields of the proto message, optional ones not required', () => {
      const owner = message(name);
      const schema = schemaNamed(name);
      const properties = schema.properties ?? {};
      expect(Object.keys(properties).sort()).toEqual(owner.field.map((f) => f.name).sort());
      expect([...(schema.required ?? [])].sort()).toEqual(
        owner.field
          .filter((f) => !isOptional(owner, f))
          .map((f) => f.name)
          .sort(),
      );
      const mismatches = owner.field.flatMap((field) => {
        const property = properties[field.name];
        const mismatch = property ? mismatchOf(field, property) : `${field.name} is missing`;
        return mismatch ? [mismatch] : [];
      });
      expect(mismatches).toEqual([]);
    });
  });

  it.each(METHODS)(
    'takes every field of the customers.%s request: path, query, body, or If-Match for the expected version',
    (method) => {
      const request = messageName(method, 'requestType');
      const operation = operationOf(`customers.${method}`);
      const parameters = parametersOf(operation);
      const body = refOf(
        (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.[
          'application/json'
        ]?.schema,
      );
      const taken = [
        ...parameters.filter((p) => p.in === 'path' || p.in === 'query').map((p) => p.name),
        ...(body ? Object.keys(schemaNamed(body).properties ?? {}) : []),
        ...(parameters.some((p) => p.in === 'header' && p.name === 'If-Match') ? ['expectedVersion'] : []),
      ];
      expect(taken.sort()).toEqual(
        message(request)
          .field.map((f) => f.name)
          .sort(),
      );
    },
  );

  it.each([
    'customers.GetCustomer',
    'customers.ListCustomers',
    'customers.GetCustomerTimeline',
    'customers.GetInquiry',
    'customers.ListInquiries',
    'customers.GetReturnVisit',
    'customers.ListReturnVisits',
  ])('asks %s for the purpose of reading personal data', (rpc) => {
    expect(parametersOf(operationOf(rpc)).map((p) => p.name)).toContain('X-Purpose');
  });

  it('says what a replayed answer carries where Idempotency-Key is described', () => {
    const header = parametersOf(operationOf('customers.RegisterCustomer')).find(
      (p) => p.name === 'Idempotency-Key',
    );
    expect(header?.description).toContain(
      'A replayed answer carries ids and versions; personal fields (`x-personal-data: true`) and secrets (`x-secret`) are left out (lists of them empty) — read the resource for them',
    );
  });

  it('describes the new resources’ ETag and Location, and the policy’s ETag', () => {
    for (const rpc of ['customers.OpenInquiry', 'customers.ScheduleReturnVisit']) {
      const created = operationOf(rpc).responses['201'] as { headers?: Record<string, unknown> };
      expect(Object.keys(created.headers ?? {})).toEqual(expect.arrayContaining(['ETag', 'Location']));
    }
    const changed = operationOf('customers.ChangeCustomerPolicy').responses['200'] as {
      headers?: Record<string, unknown>;
    };
    expect(Object.keys(changed.headers ?? {})).toContain('ETag');
  });
});
