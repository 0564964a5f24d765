import type { Config, gatewayConfigSpec } from '@serviceops/contracts';

export type GatewayConfig = Config<typeof gatewayConfigSpec>;
