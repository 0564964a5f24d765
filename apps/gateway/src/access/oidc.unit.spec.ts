import { generateKeyPair } from 'jose';
import { ProblemError } from '@serviceops/platform';
import { TestOidcIssuer, type IssuedTokenOptions } from '@serviceops/testing';
import { AccessTokens } from './access-tokens';
import { signAccessToken } from './jwt';
import { claimAt, OidcVerifier, type OidcSettings } from './oidc';

const TENANT = '5d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const AUDIENCE = 'serviceops-api';

const issuer = new TestOidcIssuer(AUDIENCE);
let settings: OidcSettings;

beforeAll(async () => {
  await issuer.start();
  settings = {
    issuer: issuer.url,
    audience: AUDIENCE,
    tenantClaim: 'tenant_id',
    rolesClaim: 'realm_access.roles',
    usernameClaim: 'preferred_username',
  };
});
afterAll(() => issuer.stop());

type TokenOptions = IssuedTokenOptions;

/** A token of the test issuer for TENANT, with a role we know and two we must drop. */
function tokenOf(options: TokenOptions = {}): Promise<string> {
  return issuer.token({
    ...options,
    claims: {
      tenant_id: TENANT,
      realm_access: { roles: ['customer_service_agent', 'platform_operator', 'offline_access'] },
      ...options.claims,
    },
  });
}

async function refusal(run: Promise<unknown>): Promise<ProblemError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('an external OpenID Connect issuer', () => {
  it('vouches for a user: tenant, roles (only tenant roles we know) and name from the configured claims', async () => {
    const claims = await new OidcVerifier(settings).verify(await tokenOf());
    expect(claims).toMatchObject({
      sub: 'f3a1c2d4-0000-4000-8000-000000000001',
      tid: TENANT,
      roles: ['customer_service_agent'],
      name: 'mei.chen',
      iss: issuer.url,
      external: true,
    });
  });

  it('reads the claims at the paths configured (another IdP’s layout)', async () => {
    const verifier = new OidcVerifier({
      ...settings,
      tenantClaim: 'org.id',
      rolesClaim: 'groups',
      usernameClaim: 'email',
    });
    const token = await tokenOf({
      claims: { org: { id: TENANT.toUpperCase() }, groups: ['admin'], email: 'a@b.cn' },
    });
    expect(await verifier.verify(token)).toMatchObject({ tid: TENANT, roles: ['admin'], name: 'a@b.cn' });
  });

  it.each<[string, TokenOptions, RegExp]>([
    ['another audience', { aud: 'another-api' }, /audience/],
    ['another issuer', { iss: 'https://elsewhere.example' }, /not issued by/],
    ['an expired token', { expiresIn: -10 }, /expired/],
    ['a kid the issuer does not publish', { kid: 'k9' }, /no key/],
    ['no tenant claim', { claims: { tenant_id: undefined } }, /tenant_id/],
    ['a tenant that is not a UUID', { claims: { tenant_id: 'acme' } }, /tenant_id/],
  ])('refuses %s (401)', async (_, options, why) => {
    const problem = await refusal(new OidcVerifier(settings).verify(await tokenOf(options)));
    expect(problem.code).toBe('UNAUTHENTICATED');
    expect(problem.message).toMatch(why);
  });

  it('refuses a token signed with another key under a published kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const problem = await refusal(new OidcVerifier(settings).verify(await tokenOf({ signWith: privateKey })));
    expect(problem.message).toMatch(/signature/);
  });

  it('refuses an HMAC token naming the issuer (no algorithm confusion with its public key)', async () => {
    const forged = await tokenOf({ alg: 'HS256', signWith: new TextEncoder().encode(SECRET) });
    const problem = await refusal(new OidcVerifier(settings).verify(forged));
    expect(problem.code).toBe('UNAUTHENTICATED');
    expect(problem.message).toMatch(/algorithm/);
  });

  it('answers 503 while the issuer cannot be reached, and works again once it can', async () => {
    const verifier = new OidcVerifier(settings);
    issuer.failing = true;
    try {
      expect((await refusal(verifier.verify(await tokenOf()))).code).toBe('UNAVAILABLE');
    } finally {
      issuer.failing = false;
    }
    await expect(verifier.verify(await tokenOf())).resolves.toMatchObject({ tid: TENANT });
  });

  it('fetches the discovery document once, not per token', async () => {
    const verifier = new OidcVerifier(settings);
    const before = issuer.requests;
    for (let i = 0; i < 3; i += 1) await verifier.verify(await tokenOf());
    expect(issuer.requests - before).toBe(2); // discovery, then the key set
  });
});

describe('AccessTokens with an external issuer configured', () => {
  it('verifies each token by its own issuer’s rules: local logins keep working beside SSO', async () => {
    const tokens = new AccessTokens(SECRET, 600, new OidcVerifier(settings));
    const local = await signAccessToken(
      { userId: 'u-1', tenantId: TENANT, username: 'alice', roles: ['admin'] },
      SECRET,
      600,
    );
    expect(await tokens.verify(`Bearer ${local}`)).toMatchObject({ name: 'alice', iss: 'serviceops' });
    expect(await tokens.verify(`Bearer ${await tokenOf()}`)).toMatchObject({
      name: 'mei.chen',
      external: true,
    });
  });

  it('never lets a token claim the local issuer while signed by the external key', async () => {
    const tokens = new AccessTokens(SECRET, 600, new OidcVerifier(settings));
    const problem = await refusal(tokens.verify(`Bearer ${await tokenOf({ iss: 'serviceops' })}`));
    expect(problem.code).toBe('UNAUTHENTICATED');
  });
});

describe('claimAt', () => {
  it.each<[object, string, unknown]>([
    [{ a: { b: ['x'] } }, 'a.b', ['x']],
    [{ a: 1 }, 'a.b', undefined],
    [{ a: ['x'] }, 'a.0', undefined],
    [{}, 'constructor', undefined],
  ])('reads %j at %s', (payload, path, expected) => {
    expect(claimAt(payload, path)).toEqual(expected);
  });
});
