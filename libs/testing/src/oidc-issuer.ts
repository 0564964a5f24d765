import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/** What a test token says; unset fields take the issuer's defaults (a valid token of its audience). */
export interface IssuedTokenOptions {
  readonly subject?: string;
  readonly claims?: Record<string, unknown>;
  readonly kid?: string;
  readonly signWith?: KeyLike | Uint8Array;
  readonly alg?: string;
  readonly iss?: string;
  readonly aud?: string;
  readonly expiresIn?: number;
}

/**
 * A minimal OpenID Connect issuer on loopback for tests: its discovery document and key set over real HTTP, real
 * RS256 keys, tokens signed as Keycloak signs them — everything the gateway's verifier reads, minus the login
 * pages. `failing` makes it answer 500, as an issuer that is down.
 */
export class TestOidcIssuer {
  url = '';
  failing = false;
  requests = 0;
  private server?: Server;
  private readonly keys: JWK[] = [];
  private readonly privateKeys = new Map<string, KeyLike>();

  constructor(readonly audience: string) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.requests += 1;
      const body = this.failing
        ? undefined
        : req.url === '/.well-known/openid-configuration'
          ? { issuer: this.url, jwks_uri: `${this.url}/keys` }
          : req.url === '/keys'
            ? { keys: this.keys }
            : undefined;
      if (!body) res.writeHead(this.failing ? 500 : 404).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await this.publish('k1');
    return this;
  }

  /** Publishes a new RS256 key under `kid` (a rotation); tokens are signed with it when they name it. */
  async publish(kid: string): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.keys.push({ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' });
    this.privateKeys.set(kid, privateKey);
  }

  /** A token of this issuer: tenant in `tenant_id`, roles in `realm_access.roles`, name in `preferred_username`. */
  token(options: IssuedTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const kid = options.kid ?? 'k1';
    const key = options.signWith ?? this.privateKeys.get(kid) ?? this.privateKeys.get('k1');
    if (!key) throw new Error('start the issuer first');
    return new SignJWT({ preferred_username: 'mei.chen', ...options.claims })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid })
      .setSubject(options.subject ?? 'f3a1c2d4-0000-4000-8000-000000000001')
      .setIssuer(options.iss ?? this.url)
      .setAudience(options.aud ?? this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(key);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
