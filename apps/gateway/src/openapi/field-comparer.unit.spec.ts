import type { OpenAPIObject } from '@nestjs/swagger';
import type { Declaration } from '@serviceops/contracts';
import {
  FieldComparer,
  restRequestOf,
  type ObjectShape,
  type ProtoField,
  type ProtoMessage,
  type ProtoService,
} from './rest-grpc-fields.testing';

/** A proto field: `optional` puts it alone in its synthetic oneof, as protoc does. */
function field(
  name: string,
  type: string,
  more: Partial<ProtoField> & { optional?: boolean } = {},
): ProtoField {
  return { name, type, label: 'LABEL_OPTIONAL', typeName: '', ...more };
}

function message(name: string, fields: (ProtoField & { optional?: boolean })[]): ProtoMessage {
  const oneofDecl: { name: string }[] = [];
  const field = fields.map(({ optional, ...f }) => {
    if (!optional) return { ...f, oneofIndex: 0 };
    oneofDecl.push({ name: `_${f.name}` });
    return { ...f, oneofIndex: oneofDecl.length - 1 };
  });
  return { name, field, oneofDecl };
}

const NEED = message('Need', [field('line', 'TYPE_STRING')]);
const NEED_LIST = message('NeedList', [
  field('items', 'TYPE_MESSAGE', { typeName: 'Need', label: 'LABEL_REPEATED' }),
]);
const PROTO: ProtoService = {
  message: (name) => {
    const found = [NEED, NEED_LIST].find((m) => m.name === name);
    if (!found) throw new Error(name);
    return found;
  },
  method: () => undefined,
};

const comparer = new FieldComparer(
  { Need: { type: 'object', properties: { line: { type: 'string' } }, required: ['line'] } },
  PROTO,
);

function shape(properties: ObjectShape['properties'], required: string[] = []): ObjectShape {
  return { name: 'Thing', properties, required };
}

describe('the REST-versus-gRPC field check', () => {
  it('finds nothing where both carry the same', () => {
    const thing = message('Thing', [field('id', 'TYPE_STRING'), field('version', 'TYPE_INT32')]);
    expect(
      comparer.message(
        'x',
        thing,
        shape({ id: { type: 'string' }, version: { type: 'integer' } }, ['id', 'version']),
        'answer',
      ),
    ).toEqual([]);
  });

  it('names a field only one side carries', () => {
    const thing = message('Thing', [field('id', 'TYPE_STRING')]);
    expect(comparer.message('x', thing, shape({ name: { type: 'string' } }), 'answer')).toEqual([
      'x.name: over REST only (proto Thing, OpenAPI Thing)',
      'x.id: over gRPC only (proto Thing, OpenAPI Thing)',
    ]);
  });

  it.each([
    ['TYPE_INT32', 'number'],
    ['TYPE_INT64', 'string'],
    ['TYPE_STRING', 'integer'],
    ['TYPE_BOOL', 'string'],
    ['TYPE_DOUBLE', 'integer'],
  ])('refuses a %s published as %s', (type, published) => {
    const thing = message('Thing', [field('n', type)]);
    expect(comparer.message('x', thing, shape({ n: { type: published } }, ['n']), 'answer')).toEqual([
      expect.stringContaining(`x.n: ${type} in the proto, ${published} over REST`) as string,
    ]);
  });

  it.each([
    ['TYPE_INT32', 'integer'],
    ['TYPE_INT64', 'integer'],
    ['TYPE_DOUBLE', 'number'],
    ['TYPE_BOOL', 'boolean'],
    ['TYPE_STRING', 'string'],
  ])('takes a %s published as %s', (type, published) => {
    const thing = message('Thing', [field('n', type)]);
    expect(comparer.message('x', thing, shape({ n: { type: published } }, ['n']), 'answer')).toEqual([]);
  });

  it('wants a proto `optional` field not required over REST, and any other required in an answer', () => {
    const thing = message('Thing', [
      field('a', 'TYPE_STRING', { optional: true }),
      field('b', 'TYPE_STRING'),
    ]);
    expect(
      comparer.message('x', thing, shape({ a: { type: 'string' }, b: { type: 'string' } }, ['a']), 'answer'),
    ).toEqual([
      'x.a: required over REST, `optional` in the proto (proto Thing, OpenAPI Thing)',
      'x.b: not required over REST, not `optional` in the proto (proto Thing, OpenAPI Thing)',
    ]);
  });

  it('lets a request leave a repeated field out (it is then empty), not an answer', () => {
    const thing = message('Thing', [field('tags', 'TYPE_STRING', { label: 'LABEL_REPEATED' })]);
    const tags = shape({ tags: { type: 'array', items: { type: 'string' } } });
    expect(comparer.message('x', thing, tags, 'request')).toEqual([]);
    expect(comparer.message('x', thing, tags, 'answer')).toHaveLength(1);
  });

  it('wants a repeated field as an array, and compares its elements', () => {
    const thing = message('Thing', [field('tags', 'TYPE_STRING', { label: 'LABEL_REPEATED' })]);
    expect(comparer.message('x', thing, shape({ tags: { type: 'string' } }, ['tags']), 'answer')).toEqual([
      'x.tags: repeated in the proto, not an array over REST (proto Thing, OpenAPI Thing)',
    ]);
    expect(
      comparer.message(
        'x',
        thing,
        shape({ tags: { type: 'array', items: { type: 'integer' } } }, ['tags']),
        'answer',
      ),
    ).toEqual([expect.stringContaining('x.tags[]: TYPE_STRING in the proto, integer over REST') as string]);
  });

  it('follows a nested message into its schema', () => {
    const thing = message('Thing', [field('need', 'TYPE_MESSAGE', { typeName: 'Need' })]);
    expect(
      comparer.message(
        'x',
        thing,
        shape({ need: { $ref: '#/components/schemas/Need' } }, ['need']),
        'answer',
      ),
    ).toEqual([]);
    expect(
      comparer.message('x', thing, shape({ need: { type: 'object', properties: {} } }, ['need']), 'answer'),
    ).toEqual(['x.need.line: over gRPC only (proto Need, OpenAPI inline)']);
  });

  it('takes a wrapped list (`NeedList`) as the array REST sends', () => {
    const thing = message('Thing', [
      field('needs', 'TYPE_MESSAGE', { typeName: 'NeedList', optional: true }),
    ]);
    const needs = { type: 'array' as const, items: { $ref: '#/components/schemas/Need' } };
    expect(comparer.message('x', thing, shape({ needs }), 'request')).toEqual([]);
  });

  it('takes a map as an object of values', () => {
    const entry = {
      ...message('ByChannel', [field('key', 'TYPE_STRING'), field('value', 'TYPE_INT64')]),
      options: { mapEntry: true },
    };
    const stats = {
      ...message('Stats', [
        field('byChannel', 'TYPE_MESSAGE', { typeName: 'ByChannel', label: 'LABEL_REPEATED' }),
      ]),
      nestedType: [entry],
    };
    const counts = (type: 'integer' | 'number') =>
      shape({ byChannel: { type: 'object', additionalProperties: { type } } }, ['byChannel']);
    expect(comparer.message('x', stats, counts('integer'), 'answer')).toEqual([]);
    expect(comparer.message('x', stats, counts('number'), 'answer')).toEqual([
      expect.stringContaining('x.byChannel{}: TYPE_INT64 in the proto, number over REST') as string,
    ]);
  });
});

describe('a REST call as one request', () => {
  const operation = {
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'asOf', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
    ],
    requestBody: {
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Need' } } },
    },
    responses: {},
  } as unknown as NonNullable<OpenAPIObject['paths'][string]['post']>;
  const declared = (http: Partial<Declaration['http']>): Declaration =>
    ({ http: { method: 'POST', path: 'things/:id', status: 200, ...http } }) as Declaration;

  it('gathers the path, the query and the body’s fields; `expectedVersion` only where If-Match is declared', () => {
    expect(restRequestOf(comparer, operation, declared({}))).toEqual({
      name: 'the REST call',
      properties: { id: { type: 'string' }, asOf: { type: 'string' }, line: { type: 'string' } },
      required: ['id', 'line'],
    });
    expect(restRequestOf(comparer, operation, declared({ ifMatch: true })).properties).toHaveProperty(
      'expectedVersion.type',
      'integer',
    );
  });

  it('names a path parameter as the field the declaration says it travels in', () => {
    const { properties } = restRequestOf(comparer, operation, declared({ paramFields: { id: 'userId' } }));
    expect(Object.keys(properties)).toEqual(['userId', 'asOf', 'line']);
  });

  it('takes the body as the one field the declaration names', () => {
    const { properties, required } = restRequestOf(comparer, operation, declared({ bodyField: 'need' }));
    expect(properties['need']).toEqual({ $ref: '#/components/schemas/Need' });
    expect(required).toContain('need');
  });
});
