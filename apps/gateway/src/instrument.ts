// Imported first by main.ts: tracing must patch http, express, grpc and pg before anything loads them.
import { startTelemetry } from '@serviceops/platform/telemetry';

startTelemetry({ serviceName: 'gateway' });
