import { PERSONAL_DATA_SEALED } from '@serviceops/contracts';
import type { Event, RecordedEvent } from '@serviceops/kernel';
import { mapSealed, PersonalDataCipher, type EventCodec } from '@serviceops/platform';
import type { Pool } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's data key, wrapped by MASTER_KEY (libs/platform personal-data-cipher): their display name is sealed
 * with it in the tenant's stream. Erasing a user deletes their row (UserNames.shredErased), which shreds their name
 * everywhere; infra/backup/reapply-erasures/tenancy.sql deletes it again from a restored key backup.
 */
export class TenancyDataKeys1797000000000 implements MigrationInterface {
  name = 'TenancyDataKeys1797000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS data_keys (
      user_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_keys`);
  }
}

/** Where tenancy keeps its users' data keys (TenancyDataKeys migration). */
export const TENANCY_DATA_KEYS = { schema: 'tenancy', idColumn: 'user_id' } as const;

export function tenancyCipher(pool: Pool, masterKey: string): PersonalDataCipher {
  return new PersonalDataCipher(pool, masterKey, TENANCY_DATA_KEYS);
}

/** The paths sealed in each event type, from the one list (libs/contracts fields.ts). */
const SEALED: Readonly<Record<string, readonly string[]>> = PERSONAL_DATA_SEALED.tenancyUser;

/** Whose key seals an event's personal fields: the user it registers. */
function ownerOf(event: Event): string | undefined {
  const userId = (event.data as { userId?: unknown }).userId;
  return typeof userId === 'string' ? userId : undefined;
}

/**
 * A codec sealing each event's personal fields (a user's display name) with its user's key, from `keys` (made
 * before the append: sealing cannot wait for the database). The stored form is read back as it is: the tenant's
 * state keeps the display names sealed, and only an answer showing a user opens theirs (UserNames), so reading a
 * tenant (each sign-in) unwraps no key.
 */
export function userSealingCodec<E extends Event>(
  cipher: PersonalDataCipher,
  keys: ReadonlyMap<string, Buffer>,
): EventCodec<E> {
  return {
    encode(event: E): Event {
      const paths = SEALED[event.type] ?? [];
      if (paths.length === 0) return event;
      const userId = ownerOf(event);
      const key = userId === undefined ? undefined : keys.get(userId);
      if (!userId || !key)
        throw new Error(
          `${event.type}: no data key made for user ${userId} (usersRegisteredBy must name them)`,
        );
      // Always sealed, even a name typed to look sealed: what is stored sealed is only ever what was sealed here.
      return { type: event.type, data: mapSealed(event.data, paths, (v) => cipher.seal(key, userId, v)) };
    },
    decode: (stored: RecordedEvent): E => ({ type: stored.type, data: stored.data }) as E,
  };
}
