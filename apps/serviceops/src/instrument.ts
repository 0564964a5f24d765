// Imported first by main.ts: tracing must patch http, grpc and pg before anything loads them. One process, one
// tracer: spans name the service they run in (`rpc.service`), not the process.
import { startTelemetry } from '@serviceops/platform/telemetry';

startTelemetry({ serviceName: 'serviceops' });
