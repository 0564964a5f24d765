import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { OperationsModule, type Metrics } from '@serviceops/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { AccessTokens } from './access/access-tokens';
import { AccessGuard } from './access/access.guard';
import { UserGate } from './access/user-gate';
import { AuthController } from './auth/auth.controller';
import { LoginThrottle } from './auth/login-throttle';
import { DECLARED_ROUTES } from './grpc/grpc-requests';
import type { GatewayConfig } from './config';
import { ProblemFilter } from './errors/problem.filter';
import { gatewayValidationPipe } from './errors/validation';
import { RouteTable } from './http/allowed-methods';
import { rateLimitOptions, RateLimitGuard } from './access/rate-limit';
import { IDEMPOTENCY_LOGGER } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { Upstream } from './upstream/upstream';

export interface GatewayParts {
  readonly config: GatewayConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly pool: Pool;
  readonly upstream: Upstream;
  readonly tokens: AccessTokens;
  /** Token revocation and X-On-Behalf-Of, checked against tenancy. */
  readonly users: UserGate;
  readonly idempotency: IdempotencyStore;
  readonly logins: LoginThrottle;
  /** The rate limit's counts, shared with the public gRPC API. */
  readonly rateLimitStorage: ThrottlerStorage;
  /** Run when the app closes, after the HTTP server stopped (gRPC server, clients, pool, telemetry). */
  readonly onShutdown: () => Promise<void>;
}

class GatewayShutdown implements OnApplicationShutdown {
  constructor(private readonly parts: GatewayParts) {}
  async onApplicationShutdown(): Promise<void> {
    await this.parts.onShutdown();
  }
}

export const CONTROLLERS = [AuthController, ...DECLARED_ROUTES];

/** Wiring only: the parts are built by createGateway. Guards run in order: rate limit, then access. */
@Module({})
export class GatewayModule {
  static forRoot(parts: GatewayParts): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ThrottlerModule.forRoot(
          rateLimitOptions(parts.config.RATE_LIMIT_PER_MINUTE, parts.tokens, parts.rateLimitStorage),
        ),
        // /metrics is served on METRICS_PORT (gateway.ts), never on the public port.
        OperationsModule.forRoot({ pool: parts.pool, metrics: parts.metrics, metricsRoute: false }),
      ],
      controllers: CONTROLLERS,
      providers: [
        { provide: Upstream, useValue: parts.upstream },
        { provide: AccessTokens, useValue: parts.tokens },
        { provide: UserGate, useValue: parts.users },
        { provide: IdempotencyStore, useValue: parts.idempotency },
        { provide: LoginThrottle, useValue: parts.logins },
        { provide: GatewayShutdown, useFactory: () => new GatewayShutdown(parts) },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        // The idempotency interceptor is mounted by `Endpoint` on the routes it acts on, and built here by Nest.
        { provide: IDEMPOTENCY_LOGGER, useValue: parts.logger },
        { provide: APP_PIPE, useFactory: gatewayValidationPipe },
        {
          provide: APP_FILTER,
          // The routes as Express registered them, read when first needed (by then Nest's init is over).
          useFactory: (adapter: HttpAdapterHost) =>
            new ProblemFilter(parts.logger, new RouteTable(() => adapter.httpAdapter.getInstance())),
          inject: [HttpAdapterHost],
        },
      ],
    };
  }
}
