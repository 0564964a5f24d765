// Loaded first by each main.ts (before NestJS, pg, kafkajs, grpc), so the instrumentations can patch them.
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

let sdk: NodeSDK | undefined;

export interface TelemetryOptions {
  readonly serviceName: string;
  /** Where spans go; by default OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nowhere. */
  readonly exporter?: SpanExporter;
}

/**
 * Starts tracing for this process with `@opentelemetry/sdk-node`: HTTP, gRPC, pg and kafkajs are instrumented
 * (not Express: a span per middleware costs more than it tells) and W3C trace context propagates over HTTP
 * headers, gRPC metadata and Kafka headers. Without an exporter spans are still made, so trace ids appear in
 * logs, in events' metadata and in `traceparent` answers. `OTEL_SDK_DISABLED=true` turns it all off.
 */
export function startTelemetry(options: TelemetryOptions): void {
  if (sdk) return;
  if (process.env.OTEL_SDK_DISABLED === 'true') return;
  if (process.env.OTEL_LOG_LEVEL === 'debug')
    diag.setLogger({ ...console, verbose: console.debug }, DiagLogLevel.DEBUG);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter =
    options.exporter ??
    (endpoint ? new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }) : undefined);
  sdk = new NodeSDK({
    resource: resourceFromAttributes({
      'service.name': process.env.OTEL_SERVICE_NAME ?? options.serviceName,
    }),
    // Without a span processor NodeSDK registers no tracer provider, and no trace context would exist: the
    // no-op one keeps ids in logs, events and traceparent headers when there is nowhere to export.
    spanProcessors: exporter
      ? [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })]
      : [new NoopSpanProcessor()],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
      }),
      new GrpcInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
}

export async function stopTelemetry(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}
