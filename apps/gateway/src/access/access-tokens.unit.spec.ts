import { createHmac } from 'node:crypto';
import { ProblemError } from '@serviceops/platform';
import { AccessTokens, VERIFIED_TOKENS } from './access-tokens';
import { signAccessToken } from './jwt';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const TTL = 600;
const subject = {
  userId: '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11',
  tenantId: '5d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f',
  username: 'alice',
  roles: ['dispatcher'],
};

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProblemError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('bearer tokens verified once', () => {
  let clock: number;
  let tokens: AccessTokens;
  let token: string;
  beforeEach(async () => {
    clock = NOW;
    tokens = new AccessTokens(SECRET, TTL, undefined, () => clock);
    token = await signAccessToken(subject, SECRET, TTL, NOW);
  });

  it('answers a token seen before with the claims verified then, which nobody can change', async () => {
    const first = await tokens.verify(`Bearer ${token}`);
    clock += 1_000;
    const again = await tokens.verify(`Bearer ${token}`);
    expect(again).toBe(first);
    expect(again).toMatchObject({ sub: subject.userId, tid: subject.tenantId, roles: ['dispatcher'] });
    expect(Object.isFrozen(again)).toBe(true);
    expect(Object.isFrozen(again.roles)).toBe(true);
  });

  it('refuses a token verified before once it expired, as jose does (at its last second)', async () => {
    await tokens.verify(`Bearer ${token}`);
    clock = NOW + (TTL - 1) * 1000 + 999;
    await expect(tokens.verify(`Bearer ${token}`)).resolves.toMatchObject({ sub: subject.userId });
    clock = NOW + TTL * 1000;
    expect(await refusal(() => tokens.verify(`Bearer ${token}`))).toBe('the token has expired');
  });

  it('refuses a token that differs from a verified one by its payload or signature', async () => {
    await tokens.verify(`Bearer ${token}`);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const raised = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin'] }),
    ).toString('base64url');
    expect(await refusal(() => tokens.verify(`Bearer ${header}.${raised}.${signature}`))).toBe(
      'the token signature is invalid',
    );
    const forged = createHmac('sha256', 'another-secret-of-thirty-two-characters')
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(await refusal(() => tokens.verify(`Bearer ${header}.${payload}.${forged}`))).toBe(
      'the token signature is invalid',
    );
  });

  it('keeps no refused token: one signed with another secret stays refused', async () => {
    const foreign = await signAccessToken(subject, 'another-secret-of-thirty-two-characters', TTL, NOW);
    expect(await refusal(() => tokens.verify(`Bearer ${foreign}`))).toBe('the token signature is invalid');
    expect(await refusal(() => tokens.verify(`Bearer ${foreign}`))).toBe('the token signature is invalid');
  });

  it(`remembers at most ${VERIFIED_TOKENS} tokens, the oldest forgotten first`, async () => {
    const first = await tokens.verify(`Bearer ${token}`);
    for (let i = 1; i <= VERIFIED_TOKENS; i++)
      await tokens.verify(
        `Bearer ${await signAccessToken({ ...subject, username: `u${i}` }, SECRET, TTL, NOW)}`,
      );
    const again = await tokens.verify(`Bearer ${token}`);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});
