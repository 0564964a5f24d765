import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { startPlatform } from './platform';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
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
});
