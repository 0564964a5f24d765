// Loaded first by each main.ts (before NestJS, pg, kafkajs, grpc), so the instrumentations can patch them.
import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

let provider: BasicTracerProvider | undefined;

export interface TelemetryOptions {
  readonly serviceName: string;
  /** Where spans go; by default OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nowhere. */
  readonly exporter?: SpanExporter;
}

/**
 * Starts tracing for this process: a tracer provider, the async-local context and W3C trace context (and baggage)
 * propagation, registered globally; HTTP, gRPC, pg and kafkajs are instrumented (not Express: a span per
 * middleware costs more than it tells), so trace context crosses HTTP headers, gRPC metadata and Kafka headers.
 * Without an exporter spans are still made, so trace ids appear in logs, in events' metadata and in `traceparent`
 * answers; but not pg's, whose spans are leaves that only an exporter would read. `OTEL_SDK_DISABLED=true` turns it all off. This is what `@opentelemetry/sdk-node` would set up for
 * traces, without the metrics and logs SDKs and every exporter it loads (decision 10): a third of the start.
 */
export function startTelemetry(options: TelemetryOptions): void {
  if (provider) return;
  if (process.env.OTEL_SDK_DISABLED === 'true') return;
  if (process.env.OTEL_LOG_LEVEL === 'debug')
    diag.setLogger({ ...console, verbose: console.debug }, DiagLogLevel.DEBUG);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter = options.exporter ?? (endpoint ? otlpExporter(endpoint) : undefined);
  const tracerProvider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': process.env.OTEL_SERVICE_NAME ?? options.serviceName,
    }),
    // The no-op processor keeps ids in logs, events and traceparent headers when there is nowhere to export.
    spanProcessors: exporter
      ? [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })]
      : [new NoopSpanProcessor()],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  trace.setGlobalTracerProvider(tracerProvider);
  // Each instrumentation patches its module when it is required, which is why this runs first.
  for (const instrumentation of [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
    }),
    new GrpcInstrumentation(),
    // A span per statement is the tracer's costliest habit (a command runs a dozen), and one carries no context
    // onwards: made only when spans leave the process.
    ...(exporter ? [new PgInstrumentation({ requireParentSpan: true })] : []),
    new KafkaJsInstrumentation(),
  ])
    instrumentation.setTracerProvider(tracerProvider);
  provider = tracerProvider;
}

/** The OTLP/HTTP exporter, loaded only when spans leave the process (its encoders weigh on every start). */
function otlpExporter(endpoint: string): SpanExporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const otlp = require('@opentelemetry/exporter-trace-otlp-http') as {
    OTLPTraceExporter: typeof OTLPTraceExporter;
  };
  return new otlp.OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` });
}

export async function stopTelemetry(): Promise<void> {
  const running = provider;
  provider = undefined;
  await running?.shutdown();
}
