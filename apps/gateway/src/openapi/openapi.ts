import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SCHEMA_EXTRAS } from '../http/validators';

export const DOCS_PATH = 'api/docs';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function openApiDocument(app: INestApplication, publicUrl?: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('ServiceOps API')
    .setDescription(
      'REST API of ServiceOps. Authenticate with `POST /api/v1/auth/token`, then send `Authorization: Bearer <token>`. ' +
        'Errors are `application/problem+json` (RFC 9457). Writes answer the new state with its version as `ETag`; ' +
        '`If-Match` makes a write conditional and `Idempotency-Key` makes a POST safe to retry (a replayed answer ' +
        'carries ids and versions; personal fields are left out).',
    )
    .setVersion(packageVersion())
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  if (publicUrl) builder.addServer(publicUrl);
  return closeRequestSchemas(SwaggerModule.createDocument(app, builder.build()));
}

/**
 * The gateway refuses unknown fields in a request body (at any depth), so the schemas a body can reach say
 * `additionalProperties: false`: a client generated from the spec then knows, and a schema-valid body is never
 * refused for an extra field.
 */
export function closeRequestSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const pending: unknown[] = Object.values(document.paths).flatMap((item) =>
    Object.values(
      item as Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>,
    )
      .flatMap((operation) => Object.values(operation?.requestBody?.content ?? {}))
      .map((media) => media.schema),
  );
  const closed = new Set<string>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      const schema = schemas[name];
      if (schema && !closed.has(name)) {
        closed.add(name);
        if (schema['type'] === 'object' || schema['properties']) schema['additionalProperties'] = false;
        pending.push(schema);
      }
      continue;
    }
    const { properties, items, allOf, oneOf, anyOf } = node as Record<string, unknown>;
    if (properties && typeof properties === 'object')
      pending.push(...(Object.values(properties) as unknown[]));
    for (const list of [allOf, oneOf, anyOf]) if (Array.isArray(list)) pending.push(...(list as unknown[]));
    pending.push(items);
  }
  for (const [name, extras] of SCHEMA_EXTRAS) if (schemas[name]) Object.assign(schemas[name], extras);
  return document;
}

/**
 * Swagger UI at /api/docs and the spec at /api/docs-json, served outside the guards. The document is built on the
 * first request for it, not at start: scanning every controller is a tenth of the platform's time to ready, and
 * the document is the same whenever it is built (the unit specs build it to check it).
 */
export function setupOpenApi(app: INestApplication, publicUrl?: string): void {
  SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app, publicUrl), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
  });
}
