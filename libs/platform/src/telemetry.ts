// Loaded first by each main.ts (before NestJS, pg, kafkajs, grpc), so the instrumentations can patch them.
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let provider: NodeTracerProvider | undefined;
let unregister: (() => void) | undefined;

export interface TelemetryOptions {
  readonly serviceName: string;
  /** Where spans go; by default OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nowhere. */
  readonly exporter?: SpanExporter;
}

/**
 * Starts tracing for this process: HTTP, gRPC, pg and kafkajs are instrumented (not Express: a span per
 * middleware costs more than it tells) and W3C trace context propagates over HTTP headers, gRPC metadata
 * and Kafka headers. Without an exporter spans are still made, so trace ids appear in logs, in events'
 * metadata and in `traceparent` answers. The tracer provider is used directly rather than through
 * `@opentelemetry/sdk-node`, which loads every exporter (about 16 MB of heap per process).
 */
export function startTelemetry(options: TelemetryOptions): void {
  if (provider) return;
  if (process.env.OTEL_SDK_DISABLED === 'true') return; // the standard switch: no tracing at all
  if (process.env.OTEL_LOG_LEVEL === 'debug')
    diag.setLogger({ ...console, verbose: console.debug }, DiagLogLevel.DEBUG);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter =
    options.exporter ??
    (endpoint ? new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }) : undefined);
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': process.env.OTEL_SERVICE_NAME ?? options.serviceName,
    }),
    spanProcessors: exporter ? [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })] : [],
  });
  provider.register(); // W3C trace context propagation, AsyncLocalStorage context
  unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
      }),
      new GrpcInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
}

export async function stopTelemetry(): Promise<void> {
  const running = provider;
  provider = undefined;
  unregister?.();
  await running?.shutdown();
}
