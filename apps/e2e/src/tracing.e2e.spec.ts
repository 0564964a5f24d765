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

  it('shares the caller’s trace id across gateway, customers (gRPC, append), Kafka and the analytics consumer', async () => {
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

    const services = await poll(
      'spans of the trace from gateway, customers and analytics',
      () => {
        const inTrace = receiver.spans.filter((s) => s.traceId === traceId);
        const names = new Set(inTrace.map((s) => s.service));
        return Promise.resolve(
          ['gateway', 'customers', 'analytics'].every((s) => names.has(s)) ? inTrace : undefined,
        );
      },
      30_000,
    );
    const analytics = services.filter((s) => s.service === 'analytics').map((s) => s.name);
    expect(analytics.some((n) => n.includes('handle CustomerRegistered'))).toBe(true);
    const customers = services.filter((s) => s.service === 'customers').map((s) => s.name);
    expect(customers.some((n) => /RegisterCustomer/.test(n))).toBe(true);
  });
});
