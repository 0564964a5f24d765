import { randomBytes, randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@serviceops/kernel';
import { isSealed, PersonalDataCipher } from '@serviceops/platform';
import type { Pool } from 'pg';
import type { TenantEvent } from '../domain/tenant/tenant.decider';
import { userSealingCodec } from './sealing';

// Sealing needs no database (the keys are made before): the codec alone, with keys in hand.

const cipher = new PersonalDataCipher({} as unknown as Pool, randomBytes(32).toString('base64'), {
  schema: 'tenancy',
  idColumn: 'user_id',
});
const userId = randomUUID();
const key = randomBytes(32);
const registered: TenantEvent = {
  type: 'UserRegistered',
  data: {
    userId,
    username: 'zhang.san',
    displayName: 'Zhang San',
    roles: ['technician'],
    branchId: null,
    registeredAt: '2026-03-02T01:00:00.000Z',
  },
};

describe('the codec sealing a user’s display name', () => {
  const codec = userSealingCodec<TenantEvent>(cipher, new Map([[userId, key]]));

  it('seals the display name with the user’s key (their id bound to it) and nothing else', () => {
    const stored = codec.encode(registered);
    const data = stored.data as Record<string, unknown>;
    expect(isSealed(data['displayName'])).toBe(true);
    expect({ ...data, displayName: 'x' }).toEqual({ ...registered.data, displayName: 'x' });
    expect(cipher.open(key, userId, data['displayName'] as string)).toBe('Zhang San');
    // Copied to another user, it does not open.
    expect(() => cipher.open(key, randomUUID(), data['displayName'] as string)).toThrow();
  });

  it('seals a name typed to look sealed like any other', () => {
    const lookalike = {
      ...registered,
      data: { ...registered.data, displayName: 'enc:v1:a.b.c' },
    } as TenantEvent;
    const sealed = (codec.encode(lookalike).data as { displayName: string }).displayName;
    expect(sealed).not.toBe('enc:v1:a.b.c');
    expect(cipher.open(key, userId, sealed)).toBe('enc:v1:a.b.c');
  });

  it('leaves events without personal data as they are', () => {
    const renamed: TenantEvent = { type: 'TenantRenamed', data: { name: 'Acme' } };
    expect(codec.encode(renamed)).toEqual(renamed);
  });

  it('refuses to store a name for a user whose key was not made first', () => {
    const stranger = { ...registered, data: { ...registered.data, userId: randomUUID() } } as TenantEvent;
    expect(() => codec.encode(stranger)).toThrow(/no data key made for user/);
  });

  it('reads stored events as they are: names stay sealed (opened only where shown), old clear ones clear', () => {
    const stored = codec.encode(registered);
    const recorded = { ...stored, streamVersion: 1 } as unknown as RecordedEvent;
    expect(codec.decode(recorded).data).toEqual(stored.data);
    const old = { ...registered, streamVersion: 1 } as unknown as RecordedEvent;
    expect(codec.decode(old).data).toEqual(registered.data);
  });
});
