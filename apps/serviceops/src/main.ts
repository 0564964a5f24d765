import './instrument';
import { gatewayConfigSpec, type GrpcServiceName } from '@serviceops/contracts';
import {
  ConfigError,
  loadConfig,
  LocalServices,
  Metrics,
  runService,
  type RunningService,
  type RunOptions,
} from '@serviceops/platform';
import { stopTelemetry } from '@serviceops/platform/telemetry';
import { analyticsService } from '../../analytics/src/analytics.service-definition';
import { customersService } from '../../customers/src/customers.service-definition';
import { createGateway, type Gateway } from '../../gateway/src/gateway';
import { tenancyService } from '../../tenancy/src/tenancy.service-definition';
import { envOf, partsOf, type Part } from './topology';

type Start = (env: NodeJS.ProcessEnv, options: RunOptions) => Promise<RunningService>;

const SERVICES: Readonly<Record<GrpcServiceName, Start>> = {
  tenancy: (env, options) => runService(tenancyService, env, options),
  customers: (env, options) => runService(customersService, env, options),
  analytics: (env, options) => runService(analyticsService, env, options),
};

/**
 * The platform in one process (`SERVICES`, default all): each service with its own module, schema, pool, event
 * store and subscriptions; with the gateway here too, the gateway calls them in this process (no gRPC socket).
 * Without the gateway, the services named serve gRPC on their own ports (`CUSTOMERS_GRPC_PORT`…).
 */
async function main(): Promise<void> {
  const parts = partsOf(process.env['SERVICES']);
  const withGateway = parts.includes('gateway');
  const local = withGateway ? new LocalServices() : undefined;
  const metrics = new Metrics('serviceops');
  const running: RunningService[] = [];
  let gateway: Gateway | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await gateway?.close();
      for (const service of running.reverse()) await service.stop();
      await stopTelemetry();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`serviceops: unclean stop: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });

  for (const part of parts.filter((p): p is Exclude<Part, 'gateway'> => p !== 'gateway'))
    running.push(
      await SERVICES[part](envOf(part, process.env), {
        ...(local ? { local } : {}),
        metrics,
        signals: false,
      }),
    );
  if (withGateway) {
    const config = loadConfig(gatewayConfigSpec);
    gateway = await createGateway(config, { ...(local ? { local } : {}), metrics });
    await gateway.app.listen(config.HTTP_PORT, '0.0.0.0');
    const url = config.PUBLIC_URL ?? `http://localhost:${config.HTTP_PORT}`;
    gateway.logger.info(
      { url, docs: `${url}/api/docs`, grpcPort: gateway.grpcPort, inProcess: parts },
      'ready',
    );
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`serviceops: failed to start: ${message}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
