import './instrument';
import { gatewayConfigSpec } from '@serviceops/contracts';
import { ConfigError, loadConfig } from '@serviceops/platform';
import { stopTelemetry } from '@serviceops/platform/telemetry';
import type { GatewayConfig } from './config';
import { createGateway } from './gateway';

function configOrExit(): GatewayConfig {
  try {
    return loadConfig(gatewayConfigSpec);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`gateway: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const gateway = await createGateway(config, { onShutdown: stopTelemetry });
  // SIGTERM/SIGINT: Nest closes the HTTP server (in-flight requests finish), then the gateway's resources.
  gateway.app.enableShutdownHooks();
  await gateway.app.listen(config.HTTP_PORT, '0.0.0.0');
  const url = config.PUBLIC_URL ?? `http://localhost:${config.HTTP_PORT}`;
  gateway.logger.info(
    { url, docs: `${url}/api/docs`, grpcPort: gateway.grpcPort, metricsPort: gateway.metricsPort },
    'ready',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`gateway: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(
    `gateway: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
