import type { Server as HttpServer } from 'node:http';
import type { Server } from '@grpc/grpc-js';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { grpcUrlVar } from '@serviceops/contracts';
import {
  assertTransportConfig,
  ConfigError,
  createLogger,
  internalPrivateKeyOf,
  InternalTokenSigner,
  Metrics,
  NestPinoLogger,
  type LocalServices,
} from '@serviceops/platform';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { MemoryThrottlerStorage } from './access/rate-limit.memory';
import { PostgresThrottlerStorage } from './access/rate-limit.store';
import { AccessTokens } from './access/access-tokens';
import { OidcVerifier } from './access/oidc';
import { UserChanges } from './access/user-changes';
import { grpcRateLimiter } from './access/rate-limit';
import { LoginAttemptsStore } from './auth/login-attempts.store';
import { LoginThrottle, type LoginPolicies } from './auth/login-throttle';
import type { GatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import {
  bindPublicGrpcServer,
  createPublicGrpcServer,
  shutdownPublicGrpcServer,
} from './grpc/public-grpc.server';
import { correlationMiddleware } from './http/correlation';
import { requestMetrics, securityHeaders } from './http/http.middleware';
import { startMetricsServer, stopMetricsServer } from './http/metrics-server';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { setupOpenApi } from './openapi/openapi';
import { TenantGatedUpstream } from './operator/tenant-gate';
import { SERVICE_NAMES } from './upstream/protos';
import type { UpstreamAddresses } from './upstream/upstream';

export const API_PREFIX = 'api/v1';

export interface Gateway {
  /** Initialised (routes registered), not listening: `app.listen(port)` or `app.getHttpServer()` for tests. */
  readonly app: NestExpressApplication;
  /** The public gRPC API, bound to `grpcPort`. */
  readonly grpcServer: Server;
  readonly grpcPort: number;
  /** Prometheus's `/metrics`, on its own port (METRICS_PORT on METRICS_HOST), not the public one. */
  readonly metricsPort: number;
  readonly logger: Logger;
  /** Stops HTTP, then gRPC, the upstream clients and the database pool. Safe to call twice. */
  close(): Promise<void>;
}

export interface GatewayOptions {
  readonly logger?: Logger;
  /** Runs last when the gateway closes (main.ts stops telemetry here). */
  readonly onShutdown?: () => Promise<void>;
  /** Upstream call deadline. */
  readonly deadlineMs?: number;
  /** Services running in this process: called in it, not over gRPC (the one-process topology). */
  readonly local?: LocalServices;
  /** The process's metrics, when the gateway shares its process (its /metrics then shows every part's). */
  readonly metrics?: Metrics;
}

/**
 * Builds the gateway from its configuration: the REST API (with OpenAPI, health and metrics) and the public
 * gRPC API, both in front of the backing services' gRPC APIs, with the idempotency table in PostgreSQL.
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const signer = internalTokenSignerOf(config);
  assertTransportConfig(config);
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const metrics = options.metrics ?? new Metrics('gateway');
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: config.DB_POOL_SIZE,
    application_name: 'serviceops-gateway',
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  const upstream = new TenantGatedUpstream(
    // Each service at its <SERVICE>_GRPC_URL (a service without one fails to compile here).
    Object.fromEntries(SERVICE_NAMES.map((name) => [name, config[grpcUrlVar(name)]])) as UpstreamAddresses,
    signer,
    options.deadlineMs,
    options.local,
    config.USER_STATUS_TTL_MS,
  );
  const tokens = new AccessTokens(config.JWT_SECRET, config.JWT_TTL_SECONDS, oidcVerifierOf(config));
  const idempotency = new IdempotencyStore(pool);
  const loginAttempts = new LoginAttemptsStore(pool);
  const logins = new LoginThrottle(loginAttempts, loginPoliciesOf(config));
  // REST and gRPC take from one budget per client: in this replica's memory (@nestjs/throttler's sliding window
  // at a constant cost per request), or in PostgreSQL, shared by every replica.
  const sharedRateLimits =
    config.RATE_LIMIT_STORE === 'postgres' ? new PostgresThrottlerStorage(pool) : undefined;
  const rateLimitStorage = sharedRateLimits ?? new MemoryThrottlerStorage();
  const grpcServer = createPublicGrpcServer({
    upstream,
    tokens,
    users: upstream.users,
    logger,
    idempotency,
    logins,
    rateLimit: grpcRateLimiter(config.RATE_LIMIT_PER_MINUTE, tokens, rateLimitStorage),
  });

  const userChanges = new UserChanges({
    pool,
    users: upstream.users,
    logger,
    transport:
      config.TRANSPORT === 'kafka'
        ? {
            kind: 'kafka',
            brokers: config.KAFKA_BROKERS ?? [],
            ...(config.KAFKA_GROUP_ID_PREFIX ? { groupIdPrefix: config.KAFKA_GROUP_ID_PREFIX } : {}),
          }
        : { kind: 'log' },
  });

  let metricsServer: HttpServer | undefined;
  let resourcesClosed = false;
  const closeResources = async (): Promise<void> => {
    if (resourcesClosed) return;
    resourcesClosed = true;
    await shutdownPublicGrpcServer(grpcServer);
    await userChanges.stop();
    if (metricsServer) await stopMetricsServer(metricsServer);
    if (rateLimitStorage instanceof MemoryThrottlerStorage) rateLimitStorage.close();
    upstream.close();
    await pool.end();
    logger.info('stopped');
    await options.onShutdown?.();
  };

  let app: NestExpressApplication;
  let grpcPort: number;
  let metricsPort: number;
  try {
    await idempotency.migrate();
    await loginAttempts.migrate();
    await sharedRateLimits?.migrate();
    await userChanges.start();
    app = await NestFactory.create<NestExpressApplication>(
      GatewayModule.forRoot({
        config,
        logger,
        metrics,
        pool,
        upstream,
        tokens,
        users: upstream.users,
        idempotency,
        logins,
        rateLimitStorage,
        onShutdown: closeResources,
      }),
      { logger: new NestPinoLogger(logger), bodyParser: false, abortOnError: false },
    );
    app.disable('x-powered-by');
    // Behind N proxies (ingress, load balancer) the client is N hops back in X-Forwarded-For; 0 trusts none.
    app.set('trust proxy', config.TRUST_PROXY);
    app.use(correlationMiddleware);
    app.use(securityHeaders);
    app.use(requestMetrics(metrics));
    app.useBodyParser('json', { limit: config.BODY_LIMIT });
    app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
    setupOpenApi(app, config.PUBLIC_URL);
    await app.init();
    grpcPort = await bindPublicGrpcServer(grpcServer, config.GRPC_PORT);
    const started = await startMetricsServer(metrics, config.METRICS_HOST, config.METRICS_PORT);
    metricsServer = started.server;
    metricsPort = started.port;
  } catch (error) {
    await closeResources().catch(() => undefined);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    grpcServer,
    grpcPort,
    metricsPort,
    logger,
    close: () => (closing ??= app.close()),
  };
}

function loginPoliciesOf(config: GatewayConfig): LoginPolicies {
  const window = { windowMs: config.LOGIN_FAILURE_WINDOW_SECONDS * 1000 };
  const locks = { lockMs: config.LOGIN_LOCK_SECONDS * 1000, maxLockMs: config.LOGIN_MAX_LOCK_SECONDS * 1000 };
  return {
    account: { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, ...window, ...locks },
    client: { maxFailures: config.LOGIN_MAX_FAILURES_PER_CLIENT, ...window, ...locks },
  };
}

/** The signer of the token sent with each call to a service; a key that is not Ed25519 is a configuration error. */
/** The external OpenID Connect issuer's verifier, when OIDC_ISSUER names one (then OIDC_AUDIENCE is required). */
function oidcVerifierOf(config: GatewayConfig): OidcVerifier | undefined {
  if (config.OIDC_ISSUER === undefined) return undefined;
  if (config.OIDC_AUDIENCE === undefined || config.OIDC_AUDIENCE === '')
    throw new ConfigError(['OIDC_AUDIENCE is required with OIDC_ISSUER: the audience its tokens must name']);
  return new OidcVerifier({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwksUrl: config.OIDC_JWKS_URL,
    tenantClaim: config.OIDC_TENANT_CLAIM,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    usernameClaim: config.OIDC_USERNAME_CLAIM,
  });
}

function internalTokenSignerOf(config: GatewayConfig): InternalTokenSigner {
  try {
    return new InternalTokenSigner(
      internalPrivateKeyOf(config.INTERNAL_TOKEN_PRIVATE_KEY),
      config.INTERNAL_TOKEN_TTL_SECONDS,
    );
  } catch (error) {
    throw new ConfigError([`INTERNAL_TOKEN_PRIVATE_KEY is ${(error as Error).message}`]);
  }
}
