import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { API, DEPLOYABLES } from '@serviceops/contracts';
import { REPO_ROOT, startPlatform } from './platform';
import { freePort } from '@serviceops/platform/testing';

/**
 * The address each listening TCP port is bound to, from the kernel's own table (/proc/net/tcp and tcp6): what
 * a port accepts, seen without sending it anything. `127.0.0.1`, `0.0.0.0`, or `::` for the IPv6 any-address.
 */
function listeningAddresses(): Map<number, string[]> {
  const bound = new Map<number, string[]>();
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue; // 0A: LISTEN
      const [hex, portHex] = local.split(':') as [string, string];
      const address = v6
        ? /^0+$/.test(hex)
          ? '::'
          : hex === '00000000000000000000000001000000'
            ? '::1'
            : `v6:${hex}`
        : (hex.match(/../g) ?? [])
            .reverse()
            .map((b) => parseInt(b, 16))
            .join('.');
      const port = parseInt(portHex, 16);
      bound.set(port, [...(bound.get(port) ?? []), address]);
    }
  }
  return bound;
}

describe('npm start (embedded PostgreSQL, log transport)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serviceops-start-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('boots from a clean data directory, keeps a registered customer across a restart', async () => {
    const env = { EMBEDDED_PG_PORT: String(await freePort()), ADMIN_PASSWORD: '' };
    const first = await startPlatform({ embedded: true, dataDir, env });
    let id: string;
    let password: string;
    try {
      expect(first.adminPassword).toMatch(/^[A-Za-z0-9]{20}$/);
      // One process: the gateway's ports are the only ones the platform opens (the services are called in it).
      expect(first.topology).toBe('one');
      expect(Object.keys(first.ports)).toEqual(['gateway']);
      const bound = listeningAddresses();
      expect(bound.get(first.ports.gateway.HTTP_PORT)).toBeDefined();
      expect(bound.get(first.ports.gateway.GRPC_PORT)).toBeDefined();
      expect(bound.get(first.ports.gateway.METRICS_PORT ?? 0)).toEqual(['127.0.0.1']);
      // The embedded server's superuser has a generated password, kept with the other secrets; `postgres` fails.
      const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<
        string,
        string
      >;
      expect(secrets['POSTGRES_PASSWORD']).toMatch(/^[\w-]{32}$/);
      const guess = new Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/postgres`,
      });
      await expect(guess.connect()).rejects.toThrow(/password authentication failed/);
      await guess.end().catch(() => undefined);
      password = first.adminPassword ?? '';
      const api = request(first.url);
      const login = await api.post('/api/v1/auth/token').send({ username: 'admin', password }).expect(200);
      const token = (login.body as { accessToken: string }).accessToken;
      const created = await api
        .post('/api/v1/customers')
        .set('Authorization', `Bearer ${token}`)
        .send({ name: 'Restart Safe', phone: '+86 137 0000 0000', channel: 'walk_in' })
        .expect(201);
      id = (created.body as { id: string }).id;
    } finally {
      await first.stop();
    }

    const second = await startPlatform({ embedded: true, dataDir, env });
    try {
      expect(second.adminPassword).toBeUndefined(); // shown once, on the first start only
      const api = request(second.url);
      const login = await api.post('/api/v1/auth/token').send({ username: 'admin', password }).expect(200);
      const token = (login.body as { accessToken: string }).accessToken;
      const read = await api
        .get(`/api/v1/customers/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(read.body).toMatchObject({ id, name: 'Restart Safe', phone: '+86 137 0000 0000' });
    } finally {
      await second.stop();
    }
  }, 240_000);

  it('keeps using a data directory whose cluster was made with the password postgres', async () => {
    const legacyDir = mkdtempSync(path.join(tmpdir(), 'serviceops-legacy-'));
    chmodSync(legacyDir, 0o755);
    const port = String(await freePort());
    const pg = (command: string) =>
      execFileSync(
        process.execPath,
        ['infra/postgres.mjs', command, '--data-dir', path.join(legacyDir, 'pg'), '--port', port],
        { cwd: REPO_ROOT, stdio: 'pipe' },
      );
    try {
      pg('start'); // as npm start made clusters before: superuser postgres/postgres
      pg('stop');
      const platform = await startPlatform({
        embedded: true,
        dataDir: legacyDir,
        env: { EMBEDDED_PG_PORT: port, ADMIN_PASSWORD: 'legacy-admin-password' },
      });
      try {
        const secrets = JSON.parse(readFileSync(path.join(legacyDir, 'secrets.json'), 'utf8')) as Record<
          string,
          string
        >;
        expect(secrets['POSTGRES_PASSWORD']).toBe('postgres');
        await request(platform.url).get('/health/ready').expect(200);
      } finally {
        await platform.stop();
      }
    } finally {
      rmSync(legacyDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('a process per service (--topology processes): the services listen on loopback only', async () => {
    const platform = await startPlatform({ topology: 'processes' });
    try {
      expect(platform.topology).toBe('processes');
      const bound = listeningAddresses();
      for (const { name: service } of DEPLOYABLES.filter((d) => d.name !== 'gateway')) {
        const ports = platform.ports[service];
        expect(ports).toBeDefined();
        // A service with no declared method yet opens no gRPC port (gRPC refuses an empty service).
        const servesGrpc = Object.keys(API[service]).length > 0;
        for (const port of [...(servesGrpc ? [ports?.GRPC_PORT ?? 0] : []), ports?.HTTP_PORT ?? 0])
          expect({ service, port, bound: bound.get(port) }).toEqual({ service, port, bound: ['127.0.0.1'] });
      }
      expect(bound.get(platform.ports.gateway.HTTP_PORT)).toBeDefined();
    } finally {
      await platform.stop();
    }
  }, 120_000);
});
