import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { DomainError } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { defineConfig } from '@serviceops/contracts';
import { ConfigError, loadConfig } from './config';
import { httpStatusOfCode, ProblemError, toProblem } from './errors';
import { createLogger } from './logger';
import { currentTraceparent, tracedHandler } from './runtime';

describe('configuration', () => {
  const spec = defineConfig({
    URL: { kind: 'url', protocols: ['postgres'], doc: 'db' },
    PORT: { kind: 'int', default: 3000, min: 1, max: 65535, doc: 'port' },
    MODE: { kind: 'enum', values: ['a', 'b'], default: 'a', doc: 'mode' },
    LIST: { kind: 'list', optional: true, doc: 'list' },
    SECRET: { kind: 'string', minLength: 8, doc: 'secret' },
  });

  it('parses, applies defaults and leaves optional values out', () => {
    expect(loadConfig(spec, { URL: 'postgres://x/y', SECRET: '12345678', LIST: 'a, b,,c' })).toEqual({
      URL: 'postgres://x/y',
      PORT: 3000,
      MODE: 'a',
      LIST: ['a', 'b', 'c'],
      SECRET: '12345678',
    });
  });

  it('reports every problem at once', () => {
    const load = () => loadConfig(spec, { URL: 'http://x', PORT: '70000', MODE: 'c', SECRET: 'short' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'URL must use postgres, got http:',
        'PORT must be ≤ 65535, got 70000',
        'MODE must be one of a, b, got "c"',
        'SECRET must be at least 8 characters',
      ]);
    }
  });

  it.each([['3.5'], ['abc'], ['1e3']])('refuses %s as an integer', (raw) => {
    expect(() => loadConfig(spec, { URL: 'postgres://x', SECRET: '12345678', PORT: raw })).toThrow(/integer/);
  });

  it('requires what has no default', () => {
    expect(() => loadConfig(spec, {})).toThrow(/URL is required.*\n.*SECRET is required/s);
  });
});

describe('error codes to statuses, in one place', () => {
  it.each([
    ['VALIDATION', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['CUSTOMERS.CUSTOMER_NOT_FOUND', 404],
    ['TENANCY.TENANT_NOT_FOUND', 404],
    ['METHOD_NOT_ALLOWED', 405],
    ['EVENTSTORE.WRONG_EXPECTED_VERSION', 409],
    ['TENANCY.USERNAME_TAKEN', 409],
    ['CUSTOMERS.CUSTOMER_EXISTS', 409],
    ['IDEMPOTENCY.IN_PROGRESS', 409],
    ['IDEMPOTENCY.KEY_REUSED', 422],
    ['CUSTOMERS.INVALID_PHONE', 400],
    ['TENANCY.LAST_ADMIN', 422],
    ['TENANCY.TENANT_DISABLED', 403],
    ['TENANCY.TENANT_NAME_TAKEN', 409],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
  ])('%s → %i', (code, status) => {
    expect(httpStatusOfCode(code)).toBe(status);
  });

  it('shows a rule’s message, hides an unexpected error’s', () => {
    expect(toProblem(new DomainError('TENANCY.LAST_ADMIN', 'the last admin stays'))).toMatchObject({
      status: 422,
      code: 'TENANCY.LAST_ADMIN',
      detail: 'the last admin stays',
      type: 'https://serviceops.dev/problems/tenancy-last-admin',
    });
    const hidden = toProblem(new Error('connection to 10.0.0.3 refused'));
    expect(hidden).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(hidden.detail).not.toContain('10.0.0.3');
  });

  it('carries field errors', () => {
    const problem = toProblem(
      new ProblemError('VALIDATION', 'bad', [{ path: 'contacts.phone', message: 'x' }]),
    );
    expect(problem.errors).toEqual([{ path: 'contacts.phone', message: 'x' }]);
  });
});

describe('tracing across an event', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();

  beforeAll(() => {
    context.setGlobalContextManager(contextManager);
    trace.setGlobalTracerProvider(provider);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(async () => {
    await provider.shutdown();
    contextManager.disable();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('opens the handler’s span as a child of the span that appended the event', async () => {
    const tracer = trace.getTracer('test');
    let traceparent: string | undefined;
    tracer.startActiveSpan('append', (span) => {
      traceparent = currentTraceparent();
      span.end();
    });
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const appendSpan = exporter.getFinishedSpans()[0]!;

    let inside: string | undefined;
    const handler = tracedHandler('analytics-audit-trail', () => {
      inside = trace.getActiveSpan()?.spanContext().traceId;
      return Promise.resolve();
    });
    const event = {
      type: 'CustomerRegistered',
      eventId: 'e1',
      streamId: 's',
      topic: 'customers.events.v1',
      metadata: { traceparent },
    } as unknown as DeliveredEvent;
    await handler(event, {} as PoolClient);

    const handled = exporter.getFinishedSpans().find((s) => s.name.includes('handle CustomerRegistered'))!;
    expect(inside).toBe(appendSpan.spanContext().traceId);
    expect(handled.spanContext().traceId).toBe(appendSpan.spanContext().traceId);
    expect(handled.parentSpanContext?.spanId).toBe(appendSpan.spanContext().spanId);
  });
});

describe('logs', () => {
  it('censor personal fields wherever they sit, and keep ids', () => {
    const lines: string[] = [];
    const logger = createLogger('customers', 'info', { write: (line: string) => lines.push(line) });
    logger.info(
      {
        customerId: 'c-1',
        customer: { name: 'Li Wei', phone: '+86 138 0000 0000', contacts: { email: 'li@example.com' } },
        password: 'hunter22',
        authorization: 'Bearer abc',
      },
      'registered',
    );
    const line = lines.join('');
    expect(line).toContain('"customerId":"c-1"');
    for (const secret of ['Li Wei', '138 0000', 'li@example.com', 'hunter22', 'Bearer abc'])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ level: 'info', service: 'customers', msg: 'registered' });
  });
});
