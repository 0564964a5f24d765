import './instrument';
import { gatewayConfigSpec } from '@serviceops/contracts';
import { ConfigError, loadConfig, LocalServices, Metrics, type RunningService } from '@serviceops/platform';
import { stopTelemetry } from '@serviceops/platform/telemetry';
import { createGateway, type Gateway } from '../../gateway/src/gateway';
import { SERVICES } from './services';
import { envOf, partsOf, type Part } from './topology';

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

  // The services start side by side (each waits mostly on its own database round trips); if one fails, the
  // others are stopped before the process exits, so nothing is left half-started.
  const started = await Promise.allSettled(
    parts
      .filter((p): p is Exclude<Part, 'gateway'> => p !== 'gateway')
      .map((part) =>
        SERVICES[part](envOf(part, process.env), { ...(local ? { local } : {}), metrics, signals: false }),
      ),
  );
  for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
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
