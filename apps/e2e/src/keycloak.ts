import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { freePort } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { REPO_ROOT } from './platform';

/** The example realm users import (docs/security.md): clients, roles, the tenant attribute and its mappers. */
export const EXAMPLE_REALM_FILE = path.join(REPO_ROOT, 'infra', 'keycloak', 'serviceops-realm.json');
const START_TIMEOUT_MS = 150_000;

export interface KeycloakUser {
  readonly username: string;
  readonly password: string;
  readonly tenantId: string;
  readonly roles: readonly string[];
}

/**
 * A real Keycloak (infra/keycloak.mjs fetches it from Maven Central once) on a free loopback port, with an
 * in-memory database: nothing survives its stop. Administered through its own admin REST API, as an operator
 * scripting it would.
 */
export class TestKeycloak {
  /** Known before the start, so the gateway can be told its issuer while Keycloak starts. */
  readonly url: string;
  private process?: ChildProcess;
  private output = '';
  private readonly adminPassword = randomBytes(18).toString('base64url');

  private constructor(private readonly port: number) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** A Keycloak to start on a free port. */
  static async onFreePort(): Promise<TestKeycloak> {
    return new TestKeycloak(await freePort());
  }

  async start(): Promise<this> {
    const home = spawnSync(process.execPath, [path.join(REPO_ROOT, 'infra', 'keycloak.mjs'), 'home'], {
      encoding: 'utf8',
    });
    if (home.status !== 0) throw new Error(`infra/keycloak.mjs home failed:\n${home.stderr}`);
    const port = this.port;
    const child = spawn(
      path.join(home.stdout.trim(), 'bin', 'kc.sh'),
      [
        'start',
        '--optimized',
        '--http-enabled=true',
        '--hostname-strict=false',
        '--http-host=127.0.0.1',
        `--http-port=${port}`,
      ],
      {
        env: {
          ...process.env,
          KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
          KC_BOOTSTRAP_ADMIN_PASSWORD: this.adminPassword,
          JAVA_OPTS_KC_HEAP: '-Xms64m -Xmx512m',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // kc.sh starts Java as its child: its own process group lets stop() end both.
        detached: true,
      },
    );
    this.process = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await eventually(
      'Keycloak ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`Keycloak exited (${child.exitCode}):\n${this.output}`);
        const res = await fetch(`${this.url}/realms/master/.well-known/openid-configuration`);
        return res.status === 200 ? true : undefined;
      },
      START_TIMEOUT_MS,
      500,
    );
    return this;
  }

  issuer(realm: string): string {
    return `${this.url}/realms/${realm}`;
  }

  /** Creates a realm from a representation (the example realm file, as the admin console imports it). */
  async importRealm(representation: unknown): Promise<void> {
    await this.admin('POST', '/admin/realms', representation, 201);
  }

  /** Changes one client of a realm (e.g. lets a test sign in with a password, no browser). */
  async updateClient(realm: string, clientId: string, changes: Record<string, unknown>): Promise<void> {
    const clients = (await this.admin(
      'GET',
      `/admin/realms/${realm}/clients?clientId=${encodeURIComponent(clientId)}`,
    )) as { id: string }[];
    const id = clients[0]?.id;
    if (!id) throw new Error(`no client ${clientId} in realm ${realm}`);
    await this.admin('PUT', `/admin/realms/${realm}/clients/${id}`, changes, 204);
  }

  /** A user with a password, the tenant attribute and realm roles; answers Keycloak's id of the user. */
  async createUser(realm: string, user: KeycloakUser): Promise<string> {
    await this.admin(
      'POST',
      `/admin/realms/${realm}/users`,
      {
        username: user.username,
        enabled: true,
        email: `${user.username}@example.com`,
        emailVerified: true,
        firstName: user.username,
        lastName: 'Test',
        attributes: { tenant_id: [user.tenantId] },
        credentials: [{ type: 'password', value: user.password, temporary: false }],
      },
      201,
    );
    const [created] = (await this.admin(
      'GET',
      `/admin/realms/${realm}/users?username=${encodeURIComponent(user.username)}&exact=true`,
    )) as { id: string }[];
    if (!created) throw new Error(`user ${user.username} not found after creation`);
    const roles = await Promise.all(
      user.roles.map((role) => this.admin('GET', `/admin/realms/${realm}/roles/${role}`)),
    );
    if (roles.length > 0)
      await this.admin('POST', `/admin/realms/${realm}/users/${created.id}/role-mappings/realm`, roles, 204);
    return created.id;
  }

  /** An access token through the password grant (the client must allow direct access grants). */
  async passwordToken(realm: string, clientId: string, username: string, password: string): Promise<string> {
    const body = (await this.form(`/realms/${realm}/protocol/openid-connect/token`, {
      grant_type: 'password',
      client_id: clientId,
      username,
      password,
      scope: 'openid',
    })) as { access_token: string };
    return body.access_token;
  }

  /** A call to the admin REST API as the bootstrap admin; fails unless the status is the one expected. */
  async admin(method: string, url: string, body?: unknown, expected = 200): Promise<unknown> {
    const token = (
      (await this.form('/realms/master/protocol/openid-connect/token', {
        grant_type: 'password',
        client_id: 'admin-cli',
        username: 'admin',
        password: this.adminPassword,
      })) as { access_token: string }
    ).access_token;
    return this.call(method, url, { token, body, expected });
  }

  /** A call with any token (e.g. a user's own, to Keycloak's account API); answers the status and body. */
  async request(
    method: string,
    url: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.url}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const signal = (name: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, name);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  private async call(
    method: string,
    url: string,
    { token, body, expected }: { token: string; body?: unknown; expected: number },
  ): Promise<unknown> {
    const res = await this.request(method, url, token, body);
    if (res.status !== expected)
      throw new Error(`${method} ${url}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
    return res.body;
  }

  private async form(url: string, fields: Record<string, string>): Promise<unknown> {
    const res = await fetch(`${this.url}${url}`, { method: 'POST', body: new URLSearchParams(fields) });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  }
}

/** The example realm, as a user would import it. */
export function exampleRealm(): { realm: string } & Record<string, unknown> {
  return JSON.parse(readFileSync(EXAMPLE_REALM_FILE, 'utf8')) as { realm: string } & Record<string, unknown>;
}
