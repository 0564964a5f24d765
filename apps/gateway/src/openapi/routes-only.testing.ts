import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AccessTokens } from '../access/access-tokens';
import { LoginThrottle } from '../auth/login-throttle';
import { API_PREFIX } from '../gateway';
import { CONTROLLERS } from '../gateway.module';
import { IDEMPOTENCY_LOGGER } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { Upstream } from '../upstream/upstream';
import { openApiDocument } from './openapi';

/**
 * The routes alone, without the database, upstream services or guards the real gateway needs (the parts their
 * controllers and interceptors are built with are stand-ins: nothing is called).
 */
@Module({
  controllers: CONTROLLERS,
  providers: [
    { provide: Upstream, useValue: {} },
    { provide: AccessTokens, useValue: {} },
    { provide: LoginThrottle, useValue: {} },
    { provide: IdempotencyStore, useValue: {} },
    { provide: IDEMPOTENCY_LOGGER, useValue: {} },
  ],
})
class RoutesOnly {}

/** The gateway's OpenAPI document as it serves it, from its routes alone; close the app when done. */
export async function routesOnlyDocument(): Promise<{ app: INestApplication; document: OpenAPIObject }> {
  const app = await NestFactory.create(RoutesOnly, { logger: false });
  app.setGlobalPrefix(API_PREFIX);
  return { app, document: openApiDocument(app) };
}
