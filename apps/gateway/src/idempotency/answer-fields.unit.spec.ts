import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { PERSONAL_TEXT } from '@serviceops/contracts';
import { PERSONAL_FIELDS } from '@serviceops/platform';
import { classificationsOf } from '../http/personal';
import { answerViews } from './answer-views.testing';
import { KEPT_MASK } from './kept-answer';
import { routesOnlyDocument } from '../openapi/routes-only.testing';

let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await routesOnlyDocument());
});

afterAll(async () => {
  await app?.close();
});

interface PropertySchema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: unknown;
  readonly items?: PropertySchema;
  readonly $ref?: string;
  readonly 'x-personal-data'?: boolean;
  readonly 'x-secret'?: boolean;
}

/** Names of the answer schemas: what a 2xx of any route can reach. */
function answerSchemas(): Map<string, Record<string, PropertySchema>> {
  const schemas = (document.components?.schemas ?? {}) as Record<
    string,
    { properties?: Record<string, PropertySchema> }
  >;
  const reached = new Map<string, Record<string, PropertySchema>>();
  const pending: unknown[] = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { responses?: Record<string, { content?: object }> }>).flatMap(
      (operation) =>
        Object.entries(operation.responses ?? {})
          .filter(([status]) => Number(status) < 300)
          .flatMap(([, response]) =>
            Object.values((response.content ?? {}) as Record<string, { schema?: unknown }>).map(
              (media) => media.schema,
            ),
          ),
    ),
  );
  for (let node = pending.pop(); pending.length > 0 || node !== undefined; node = pending.pop()) {
    if (node === null || typeof node !== 'object') continue;
    const { $ref, properties, items, allOf, oneOf, anyOf } = node as Record<string, unknown>;
    if (typeof $ref === 'string') {
      const name = $ref.split('/').pop() ?? '';
      if (reached.has(name)) continue;
      reached.set(name, schemas[name]?.properties ?? {});
      pending.push(schemas[name]);
      continue;
    }
    if (properties && typeof properties === 'object')
      pending.push(...Object.values(properties as Record<string, unknown>));
    for (const list of [allOf, oneOf, anyOf]) if (Array.isArray(list)) pending.push(...(list as unknown[]));
    pending.push(items);
  }
  return reached;
}

/** A string (or list of strings) that is not an enum, an id or a date: it may hold anything a person typed. */
function isFreeText(schema: PropertySchema): boolean {
  const one = schema.type === 'array' && schema.items ? schema.items : schema;
  return (
    one.type === 'string' &&
    one.enum === undefined &&
    !['uuid', 'date', 'date-time'].includes(one.format ?? '')
  );
}

const PERSON_FIELD_NAMES: ReadonlySet<string> = new Set(PERSONAL_FIELDS);

describe('every answer field says whether it is personal', () => {
  it('finds the answers (a sanity check of the walk)', () => {
    expect(answerSchemas().size).toBeGreaterThan(100);
    expect(answerViews().size).toBeGreaterThan(100);
  });

  it('marks every free-text field, and every field named as a person’s, personal, secret or not personal', () => {
    const unclassified = [...answerSchemas()].flatMap(([name, properties]) =>
      Object.entries(properties)
        .filter(([field, schema]) => isFreeText(schema) || PERSON_FIELD_NAMES.has(field))
        .filter(([, schema]) => schema['x-personal-data'] === undefined && schema['x-secret'] === undefined)
        .map(([field]) => `${name}.${field}`),
    );
    expect(unclassified).toEqual([]);
  });

  it('lets a required personal text be the mask a replayed (kept) answer carries instead', () => {
    const schemas = (document.components?.schemas ?? {}) as Record<
      string,
      { required?: string[]; properties?: Record<string, Record<string, unknown>> }
    >;
    const refused = [...answerSchemas()].flatMap(([name, properties]) =>
      Object.entries(properties)
        .filter(([, schema]) => schema['x-personal-data'] === true)
        .filter(([field, schema]) => schema.type !== 'array' && schemas[name]?.required?.includes(field))
        .filter(([field]) => {
          const schema = schemas[name]?.properties?.[field] ?? {};
          const {
            type,
            pattern,
            minLength,
            maxLength,
            format,
            enum: values,
          } = schema as {
            type?: string;
            pattern?: string;
            minLength?: number;
            maxLength?: number;
            format?: string;
            enum?: unknown[];
          };
          const fits =
            type === 'string' &&
            format === undefined &&
            values === undefined &&
            (minLength ?? 0) <= KEPT_MASK.length &&
            (maxLength ?? Infinity) >= KEPT_MASK.length &&
            (pattern === undefined || new RegExp(pattern, 'u').test(KEPT_MASK));
          return !fits;
        })
        .map(([field]) => `${name}.${field}`),
    );
    expect(refused).toEqual([]);
  });

  it('states a not-personal field’s reason', () => {
    for (const view of answerViews())
      for (const [field, classification] of classificationsOf(view))
        if (classification.kind === 'not-personal')
          expect(`${view.name}.${field}: ${classification.why.trim()}`).toMatch(/: \S/);
  });
});

/**
 * Sealed free text that no answer shows: its record's history says only that it was given, or the answer states
 * a status instead.
 */
const NOT_IN_ANSWERS: Readonly<Record<string, string>> = {
  'staffQualification.suspendedFor': 'the qualification’s status says suspended',
  'contract.suspendedFor': 'the contract’s history says only that a reason was given',
  'contract.terminatedFor': 'the contract’s history says only that a reason was given',
  'contract.warranty.covered': 'published to orders, not answered',
  'proposal.declineReason': 'the proposal’s history says only that a reason was given',
  'staffSeparation.handoverNote': 'the handover shows only which items are ticked',
};

describe('every sealed free text is marked personal where an answer shows it', () => {
  const marked = (): Set<object> =>
    new Set(
      [...answerViews()].flatMap((view) =>
        [...classificationsOf(view).values()].flatMap((classification) =>
          classification.kind === 'personal' && classification.sealed ? [classification.sealed] : [],
        ),
      ),
    );

  it.each(
    Object.entries(PERSONAL_TEXT).flatMap(([record, fields]) =>
      Object.entries(fields as Record<string, object>).map(([field, sealed]): [string, object] => [
        `${record}.${field}`,
        sealed,
      ]),
    ),
  )('%s', (name, sealed) => {
    if (name in NOT_IN_ANSWERS) expect(marked().has(sealed)).toBe(false);
    else expect(marked().has(sealed)).toBe(true);
  });
});
