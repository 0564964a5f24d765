import type { gatewayConfigSpec } from '@serviceops/contracts';
import type { Config } from '@serviceops/platform';

export type GatewayConfig = Config<typeof gatewayConfigSpec>;
