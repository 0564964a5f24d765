import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  API,
  type Config,
  type ConfigSpec,
  type GrpcServiceName,
  type serviceConfigSpec,
} from '@serviceops/contracts';
import { assertTransportConfig, ConfigError, loadConfig } from './config';
import { installCallVerifier } from './grpc';
import { InternalCallGuard, userlessMethodsOf } from './internal-call.guard';
import { internalPublicKeyOf, InternalTokenVerifier } from './internal-token';
import { openDatabase, runReadModelMigrations, type DatabaseOptions } from './database';
import { createLogger, NestPinoLogger } from './logger';
import { Metrics } from './metrics';
import { EventSourcingRuntime } from './runtime';
import { stopTelemetry } from './telemetry';
import { grpcControllerOf } from './handles';
import { OperationsModule } from './health';
import type { LocalServices } from './in-process';

type ServiceConfig = Config<typeof serviceConfigSpec> & {
  readonly GRPC_PORT: number;
  readonly HTTP_PORT: number;
};

export interface ServiceParts<C> {
  readonly config: C;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly dataSource: DataSource;
  readonly pool: Pool;
  readonly runtime: EventSourcingRuntime;
}

export interface ServiceDefinition<S extends ConfigSpec> {
  readonly name: GrpcServiceName;
  readonly configSpec: S;
  readonly grpc: { readonly package: string; readonly protoPath: string; readonly loader: object };
  readonly database: Pick<DatabaseOptions, 'entities' | 'migrations'>;
  readonly publishes: boolean;
  /** The service's own module (its providers, projections), given its parts. */
  readonly module: (parts: ServiceParts<Config<S>>) => DynamicModule;
  /**
   * The classes whose `@Handles` methods serve the service's declared methods, one each (provided in the
   * service's module by the bootstrap; its gRPC controller is derived from them).
   */
  readonly handlers: readonly Type[];
  /** Work after the tables exist and before serving: subscriptions, first-start data. */
  readonly onStart?: (parts: ServiceParts<Config<S>>, app: INestApplication) => Promise<void>;
}

export interface RunningService {
  readonly app: INestApplication;
  stop(): Promise<void>;
}

export interface RunOptions {
  /**
   * In one process with the gateway: the service joins these instead of serving gRPC and its HTTP operations
   * endpoints (no socket of its own), and leaves signals to the process that runs it.
   */
  readonly local?: LocalServices;
  /** The process's metrics when it runs several parts (its /metrics shows them all); by default the service's own. */
  readonly metrics?: Metrics;
  /** Stop on SIGTERM/SIGINT and exit (default: when the service is its process's only part). */
  readonly signals?: boolean;
}

/**
 * Boots a backend service: config (fail fast), logger, database and read-model migrations, event store and
 * transport, then the NestJS app with gRPC and the operations endpoints. SIGTERM/SIGINT stop it cleanly.
 */
export async function runService<S extends ConfigSpec>(
  definition: ServiceDefinition<S>,
  env: NodeJS.ProcessEnv = process.env,
  options: RunOptions = {},
): Promise<RunningService> {
  let config: Config<S> & ServiceConfig;
  let verifier: InternalTokenVerifier;
  try {
    config = loadConfig(definition.configSpec, env) as Config<S> & ServiceConfig;
    assertTransportConfig(config);
    verifier = internalTokenVerifierOf(definition.name, config.INTERNAL_TOKEN_PUBLIC_KEYS);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (!(options.signals ?? !options.local))
      throw new ConfigError(error.problems.map((problem) => `${definition.name}: ${problem}`));
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const metrics = options.metrics ?? new Metrics(definition.name);
  const { dataSource, pool } = await openDatabase({
    url: config.DATABASE_URL,
    schema: definition.name,
    poolSize: config.DB_POOL_SIZE,
    applicationName: `serviceops-${definition.name}`,
    ...definition.database,
  });
  const runtime = new EventSourcingRuntime({
    service: definition.name,
    pool,
    transport: config.TRANSPORT === 'kafka' ? 'kafka' : 'log',
    kafkaBrokers: config.KAFKA_BROKERS,
    kafkaGroupIdPrefix: config.KAFKA_GROUP_ID_PREFIX,
    logger,
    metrics,
    publishes: definition.publishes,
  });
  await runtime.start();
  await runReadModelMigrations(dataSource, pool, definition.name);
  const parts: ServiceParts<Config<S>> = { config, logger, metrics, dataSource, pool, runtime };

  const { local } = options;
  // A service the generator has just made declares no method yet: gRPC refuses an empty service, so it opens no
  // gRPC port until its first command (its health and metrics endpoints still answer).
  const servesGrpc = !local && Object.keys(API[definition.name]).length > 0;
  let app: INestApplication | undefined;
  try {
    const own = definition.module(parts);
    app = await NestFactory.create(
      {
        module: class ServiceRootModule {},
        imports: [
          {
            ...own,
            controllers: [
              ...(own.controllers ?? []),
              ...(servesGrpc ? [grpcControllerOf(definition.name, definition.handlers)] : []),
            ],
            providers: [...(own.providers ?? []), ...definition.handlers],
          },
          OperationsModule.forRoot({ pool, kafka: runtime.kafkaClient, metrics }),
        ],
      },
      { logger: new NestPinoLogger(logger), bufferLogs: false },
    );
    if (servesGrpc) {
      // Before the gRPC handlers are made (connectMicroservice makes them): each takes the guard when it is made.
      // The guard verifies each call's token with this service's own verifier (its name is the audience).
      installCallVerifier(verifier);
      app.useGlobalGuards(new InternalCallGuard(userlessMethodsOf(definition.name), verifier));
      app.connectMicroservice<MicroserviceOptions>(
        {
          transport: Transport.GRPC,
          options: {
            package: definition.grpc.package,
            protoPath: definition.grpc.protoPath,
            url: `${config.BIND_HOST}:${config.GRPC_PORT}`,
            loader: definition.grpc.loader,
          },
        },
        { inheritAppConfig: true },
      );
    }
    await definition.onStart?.(parts, app);
    if (local) {
      await app.init();
      local.add(definition.name, app, definition.handlers);
      logger.info({ transport: config.TRANSPORT }, 'ready (in process)');
    } else {
      if (servesGrpc) await app.startAllMicroservices();
      else logger.warn('no gRPC method declared yet: the gRPC port stays closed');
      await app.listen(config.HTTP_PORT, config.BIND_HOST);
      logger.info(
        {
          grpcPort: servesGrpc ? config.GRPC_PORT : null,
          httpPort: config.HTTP_PORT,
          transport: config.TRANSPORT,
        },
        'ready',
      );
    }
  } catch (error) {
    // Leave nothing running behind a failed boot (a test that boots it would never exit).
    await app?.close().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  const started = app;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      logger.info('stopping');
      await started.close();
      await runtime.stop();
      await dataSource.destroy();
      if (options.signals ?? !local) await stopTelemetry();
    })());
  if (!(options.signals ?? !local)) return { app: started, stop };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'unclean stop');
          process.exit(1);
        },
      );
    });
  return { app: started, stop };
}

/** The service's verifier of internal tokens: its own name as audience, the gateway's public keys. */
export function internalTokenVerifierOf(
  service: string,
  publicKeys: readonly string[],
): InternalTokenVerifier {
  const problems: string[] = [];
  const keys = publicKeys.flatMap((text, i) => {
    try {
      return [internalPublicKeyOf(text)];
    } catch (error) {
      problems.push(`INTERNAL_TOKEN_PUBLIC_KEYS[${i}] is ${(error as Error).message}`);
      return [];
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return new InternalTokenVerifier(service, keys);
}
