import { startTelemetry } from '@serviceops/platform/telemetry';

startTelemetry({ serviceName: 'orders' });
