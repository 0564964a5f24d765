import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { PersonalDataCipher, sealingCodec } from './personal-data-cipher';

const CUSTOMER = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

/** A data_keys table in memory, answering the cipher's few statements. */
function fakePool() {
  const rows = new Map<string, Buffer>();
  const pool = {
    query: (sql: string, params?: unknown[]) => {
      const insert = /VALUES \('([0-9a-f-]+)', '\\x([0-9a-f]+)'\)/.exec(sql);
      if (insert) {
        const [, id = '', hex = ''] = insert;
        const fresh = !rows.has(id);
        if (fresh) rows.set(id, Buffer.from(hex, 'hex'));
        return Promise.resolve([
          { command: 'BEGIN' },
          { command: 'SET' },
          { command: 'INSERT', rowCount: fresh ? 1 : 0 },
        ]);
      }
      const id = String((params as string[] | undefined)?.[0]);
      const key = rows.get(id);
      return Promise.resolve({ rows: key ? [{ wrapped_key: key }] : [] });
    },
  };
  const tx = {
    query: (_sql: string, params: unknown[]) => {
      for (const id of params[0] as string[]) rows.delete(id);
      return Promise.resolve({ rowCount: 1 });
    },
  };
  return { pool: pool as unknown as Pool, tx: tx as unknown as PoolClient, rows };
}

describe('the shared personal-data cipher', () => {
  const master = randomBytes(32).toString('base64');

  it('seals per customer, opens with the same key, and not with another customer’s', async () => {
    const { pool } = fakePool();
    const cipher = new PersonalDataCipher(pool, master, 'contracts');
    const key = await cipher.keyFor(CUSTOMER);
    const sealed = cipher.seal(key, CUSTOMER, 'Li Lei');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(cipher.open(key, CUSTOMER, sealed)).toBe('Li Lei');
    expect(() => cipher.open(key, '00000000-0000-4000-8000-000000000000', sealed)).toThrow();
  });

  it('never serves a destroyed key again, even one a read loaded before the erasure committed', async () => {
    const { pool, tx, rows } = fakePool();
    const cipher = new PersonalDataCipher(pool, master, 'contracts');
    await cipher.keyFor(CUSTOMER);
    const wrapped = rows.get(CUSTOMER);
    await cipher.destroy(tx, [CUSTOMER]);
    // The row is still visible to a read outside the destroying transaction until it commits.
    rows.set(CUSTOMER, wrapped ?? Buffer.alloc(0));
    expect(await cipher.load(CUSTOMER)).toBeUndefined();
    expect((await cipher.loadMany([CUSTOMER])).size).toBe(0);
  });

  it('a codec without the key leaves values sealed on the way out and refuses to seal on the way in', async () => {
    const { pool } = fakePool();
    const cipher = new PersonalDataCipher(pool, master, 'contracts');
    const key = await cipher.keyFor(CUSTOMER);
    const paths = () => ['signer'];
    const sealedEvent = sealingCodec(
      cipher,
      CUSTOMER,
      key,
      paths,
      ['signer'],
      () => new Error('erased'),
    ).encode({
      type: 'Signed',
      data: { signer: 'Li Lei', party: 'customer' },
    });
    expect(sealedEvent.data).toMatchObject({
      party: 'customer',
      signer: expect.stringMatching(/^enc:v1:/) as string,
    });
    const keyless = sealingCodec(cipher, CUSTOMER, undefined, paths, ['signer'], () => new Error('erased'));
    const stored = { ...sealedEvent, streamVersion: 1 } as never;
    expect((keyless.decode(stored).data as { signer: string }).signer).toMatch(/^enc:v1:/);
    expect(() => keyless.encode({ type: 'Signed', data: { signer: 'Han' } })).toThrow('erased');
  });
});
