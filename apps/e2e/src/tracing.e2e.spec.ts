import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';

interface ExportedSpan {
  service: string;
  traceId: string;
  name: string;
}

/** A minimal OTLP/HTTP (JSON) trace receiver: what each service's exporter sends, kept in memory. */
function otlpReceiver(): Promise<{ server: Server; url: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans?: {
            resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
            scopeSpans?: { spans?: { traceId: string; name: string }[] }[];
          }[];
        };
        for (const rs of body.resourceSpans ?? []) {
          const service =
            rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const ss of rs.scopeSpans ?? [])
            for (const span of ss.spans ?? [])
              spans.push({ service, traceId: span.traceId, name: span.name });
        }
      } catch {
        // not JSON: ignore
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans }),
    ),
  );
}

describe('one trace from the HTTP request to the read model', () => {
  let platform: RunningPlatform;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    platform = await startPlatform({
      transport: 'kafka',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    receiver?.server.close();
  });

  it('shares the caller’s trace id from the HTTP request through gRPC, the append, the relay and Kafka to the analytics read model', async () => {
    const api = request(platform.url);
    const login = await api.post('/api/v1/auth/token').send({ username: 'admin', password: ADMIN_PASSWORD });
    const token = (login.body as { accessToken: string }).accessToken;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await api
      .post('/api/v1/customers')
      .set('Authorization', `Bearer ${token}`)
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .send({ name: 'Trace Me', channel: 'phone' })
      .expect(201);
    expect(res.headers['traceparent']).toContain(traceId);

    const spans = await poll(
      'spans of the trace from gateway, customers (and its relay) and analytics',
      () => {
        const inTrace = receiver.spans.filter((s) => s.traceId === traceId);
        const has = (service: string, name: RegExp) =>
          inTrace.some((s) => s.service === service && name.test(s.name));
        const complete =
          has('gateway', /POST/) &&
          has('customers', /RegisterCustomer/) &&
          has('customers', /^publish customers\.events\.v1$/) &&
          has('analytics', /handle CustomerRegistered/);
        return Promise.resolve(complete ? inTrace : undefined);
      },
      30_000,
    );
    const names = (service: string) => spans.filter((s) => s.service === service).map((s) => s.name);
    // HTTP → gateway → gRPC → customers' append (pg) → relay → Kafka → analytics consumer → read model (pg).
    expect(names('gateway')).toEqual(expect.arrayContaining([expect.stringMatching(/RegisterCustomer/)]));
    expect(names('customers').some((n) => /^pg/.test(n))).toBe(true);
    expect(names('analytics').some((n) => /^pg/.test(n))).toBe(true);
  });
});
