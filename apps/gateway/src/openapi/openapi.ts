import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

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
        'carries ids and versions; personal fields are null).',
    )
    .setVersion(packageVersion())
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  if (publicUrl) builder.addServer(publicUrl);
  return SwaggerModule.createDocument(app, builder.build());
}

/** Swagger UI at /api/docs and the spec at /api/docs-json, served outside the guards. */
export function setupOpenApi(app: INestApplication, publicUrl?: string): OpenAPIObject {
  const document = openApiDocument(app, publicUrl);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
  });
  return document;
}
