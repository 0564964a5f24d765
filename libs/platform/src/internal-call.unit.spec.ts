import { Metadata } from '@grpc/grpc-js';
import type { ExecutionContext } from '@nestjs/common';
import { allDeclarations, PUBLIC } from '@serviceops/contracts';
import { newInternalKeyPair } from '@serviceops/testing';
import { internalTokenVerifierOf } from './bootstrap';
import { ConfigError } from './config';
import { ProblemError } from './errors';
import {
  callContextOf,
  callerOf,
  CallHeaders,
  installCallVerifier,
  internalCallMetadata,
  internalUserOf,
} from './grpc';
import { InternalCallGuard, methodOfPath, userlessMethodsOf } from './internal-call.guard';
import {
  internalPrivateKeyOf,
  internalPublicKeyOf,
  InternalTokenSigner,
  InternalTokenVerifier,
} from './internal-token';

const keys = newInternalKeyPair();
const signer = new InternalTokenSigner(internalPrivateKeyOf(keys.privateKey));
const TENANT = '5d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const ACTOR = '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11';
const user = { tenantId: TENANT, actorId: ACTOR, roles: ['auditor'] };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'UNAUTHENTICATED') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

function metadata(entries: Record<string, string>): Metadata {
  const md = new Metadata();
  for (const [key, value] of Object.entries(entries)) md.set(key, value);
  return md;
}

beforeEach(() =>
  installCallVerifier(new InternalTokenVerifier('customers', [internalPublicKeyOf(keys.publicKey)])),
);
afterAll(() => installCallVerifier(undefined));

describe('the call context a service takes', () => {
  it('comes from the token: tenant, actor, roles, on-behalf-of, purpose; ids from the plain metadata', () => {
    const call = {
      tenantId: TENANT,
      actorId: ACTOR,
      roles: ['admin', 'legal'],
      onBehalfOf: '1b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a12',
      purpose: 'a callback',
      correlationId: 'req-42',
      clientCorrelationId: 'client-7',
      idempotencyKey: 'key-1',
    };
    const md = internalCallMetadata(signer.sign('customers', internalUserOf(call)), call);
    expect(callContextOf(md)).toEqual(call);
  });

  it('falls back to the actor as correlation id and leaves absent fields out', () => {
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('customers', user) });
    expect(callContextOf(md)).toEqual({ ...user, correlationId: ACTOR });
  });

  it('ignores identity written in plain metadata', () => {
    const md = metadata({
      [CallHeaders.internalToken]: signer.sign('customers', user),
      'x-tenant-id': 'another-tenant',
      'x-actor-id': 'someone-else',
      'x-roles': 'admin',
      'x-on-behalf-of': 'the-boss',
      'x-purpose': 'none of your business',
    });
    expect(callContextOf(md)).toEqual({ ...user, correlationId: ACTOR });
  });

  it('is refused for forged plain metadata without a token', () => {
    const md = metadata({ 'x-tenant-id': TENANT, 'x-actor-id': ACTOR, 'x-roles': 'admin' });
    expect(refusal(() => callContextOf(md))).toBe('the call carries no internal token');
  });

  it('is refused for a token for another service', () => {
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('analytics', user) });
    expect(refusal(() => callContextOf(md))).toBe('the internal token is not for customers');
  });

  it('is refused for the gateway’s own token, which names no user', () => {
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('customers') });
    expect(refusal(() => callContextOf(md))).toBe('the call carries no user');
  });

  it('is never taken when no verifier is installed (fail closed)', () => {
    installCallVerifier(undefined);
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('customers', user) });
    expect(() => callerOf(md)).toThrow('no internal token verifier is installed');
  });

  it('is verified once per call, however often a handler asks', () => {
    let clock = Date.now();
    installCallVerifier(
      new InternalTokenVerifier('customers', [internalPublicKeyOf(keys.publicKey)], () => clock),
    );
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('customers', user) });
    expect(callContextOf(md).tenantId).toBe(TENANT);
    clock += 3_600_000; // expired by now: the call was verified when it arrived
    expect(callContextOf(md).tenantId).toBe(TENANT);
    const again = metadata({ [CallHeaders.internalToken]: md.get(CallHeaders.internalToken)[0] as string });
    expect(refusal(() => callContextOf(again))).toBe('the internal token has expired');
  });
});

describe('the metadata the gateway sends', () => {
  it('holds the token and the request’s ids, nothing else', () => {
    const md = internalCallMetadata('t.o.k', { correlationId: 'c-1', idempotencyKey: 'k-1' });
    expect(md.getMap()).toEqual({
      'x-internal-token': 't.o.k',
      'x-correlation-id': 'c-1',
      'idempotency-key': 'k-1',
    });
    expect(internalCallMetadata('t.o.k', { correlationId: 'c-1' }).getMap()).toEqual({
      'x-internal-token': 't.o.k',
      'x-correlation-id': 'c-1',
    });
    expect(internalCallMetadata('t.o.k').getMap()).toEqual({ 'x-internal-token': 't.o.k' });
  });

  it('puts the user, not the request, in the token', () => {
    expect(
      internalUserOf({ ...user, correlationId: 'c', idempotencyKey: 'k', onBehalfOf: 'o', purpose: 'p' }),
    ).toEqual({ ...user, onBehalfOf: 'o', purpose: 'p' });
    expect(internalUserOf({ ...user, correlationId: 'c' })).toEqual(user);
  });
});

describe('the guard every gRPC call passes', () => {
  const guard = new InternalCallGuard(userlessMethodsOf('tenancy'));

  function rpc(md: Metadata, path: string): ExecutionContext {
    return {
      getType: () => 'rpc',
      switchToRpc: () => ({ getContext: () => md, getData: () => ({}) }),
      getArgByIndex: (i: number) => [{}, md, { getPath: () => path }][i],
    } as unknown as ExecutionContext;
  }

  beforeEach(() =>
    installCallVerifier(new InternalTokenVerifier('tenancy', [internalPublicKeyOf(keys.publicKey)])),
  );

  const AUTHENTICATE = '/serviceops.tenancy.v1.Tenancy/Authenticate';
  const REGISTER_USER = '/serviceops.tenancy.v1.Tenancy/RegisterUser';

  it('lets a user’s call through to any method', () => {
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('tenancy', user) });
    expect(guard.canActivate(rpc(md, REGISTER_USER))).toBe(true);
    expect(guard.canActivate(rpc(md, AUTHENTICATE))).toBe(true);
  });

  it('lets the gateway’s own token through only to a method that needs no user', () => {
    const md = metadata({ [CallHeaders.internalToken]: signer.sign('tenancy') });
    expect(guard.canActivate(rpc(md, AUTHENTICATE))).toBe(true);
    expect(refusal(() => guard.canActivate(rpc(md, REGISTER_USER)))).toBe('RegisterUser needs a user');
    expect(refusal(() => guard.canActivate(rpc(md, '')))).toBe('this method needs a user');
  });

  it('refuses a call without a token even to a method that needs no user', () => {
    expect(refusal(() => guard.canActivate(rpc(new Metadata(), AUTHENTICATE)))).toBe(
      'the call carries no internal token',
    );
  });

  it('leaves HTTP (health, metrics) alone', () => {
    const http = { getType: () => 'http' } as unknown as ExecutionContext;
    expect(guard.canActivate(http)).toBe(true);
  });

  it('knows the methods that need no user from the declarations (access: PUBLIC)', () => {
    const declared = allDeclarations()
      .filter(({ declaration }) => declaration.access === PUBLIC)
      .map(({ rpc: name }) => name);
    // Signing in, activating a login with an invitation's token, refreshing and ending a sign-in with a refresh
    // token: the password or the token is the credential.
    expect(declared).toEqual([
      'tenancy.Authenticate',
      'tenancy.RefreshAccessToken',
      'tenancy.Logout',
      'tenancy.ActivateUser',
    ]);
    expect([...userlessMethodsOf('tenancy')]).toEqual([
      'Authenticate',
      'RefreshAccessToken',
      'Logout',
      'ActivateUser',
    ]);
    expect([...userlessMethodsOf('customers')]).toEqual([]);
    expect([...userlessMethodsOf('analytics')]).toEqual([]);
    expect([...userlessMethodsOf('constructor')]).toEqual([]);
    expect([...userlessMethodsOf('no-such-service')]).toEqual([]);
  });

  it('reads the method from the call’s path', () => {
    expect(methodOfPath(AUTHENTICATE)).toBe('Authenticate');
    expect(methodOfPath('Authenticate')).toBe('Authenticate');
  });
});

describe('a service’s verifier, made at boot', () => {
  it('takes every configured key, each for this service', () => {
    const next = newInternalKeyPair();
    const verifier = internalTokenVerifierOf('customers', [keys.publicKey, next.publicKey]);
    expect(verifier.audience).toBe('customers');
    const nextSigner = new InternalTokenSigner(internalPrivateKeyOf(next.privateKey));
    expect(verifier.verify(nextSigner.sign('customers', user))).toEqual({ user });
    expect(verifier.verify(signer.sign('customers', user))).toEqual({ user });
  });

  it('refuses to boot on a key that is not one, naming each', () => {
    try {
      internalTokenVerifierOf('customers', [keys.publicKey, 'garbage', keys.privateKey]);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'INTERNAL_TOKEN_PUBLIC_KEYS[1] is not a public key (PEM, or base64 of SPKI DER)',
        'INTERNAL_TOKEN_PUBLIC_KEYS[2] is not a public key (PEM, or base64 of SPKI DER)',
      ]);
    }
  });
});
