import type { Event, RecordedEvent } from '@serviceops/kernel';
import { isSealed, mapSealed, PersonalDataCipher, ProblemError, type EventCodec } from '@serviceops/platform';
import type { Pool } from 'pg';
import { PersonErrorCode } from '../domain/person/person.errors';

/** Where the staff service keeps its people's data keys (StaffDataKeys migration). */
export const STAFF_DATA_KEYS = { schema: 'staff', idColumn: 'person_id' } as const;

export function staffCipher(pool: Pool, masterKey: string): PersonalDataCipher {
  return new PersonalDataCipher(pool, masterKey, STAFF_DATA_KEYS);
}

/** The paths sealed in each event type; types not listed carry no personal data. */
export type SealedPathsByType = Readonly<Record<string, readonly string[]>>;

/**
 * A codec sealing a person's fields with their own key on the way in and opening them on the way out, as the
 * customers service does with a customer's. Without the key (shredded) they stay sealed and are never shown.
 */
export function personCodec<E extends Event>(
  cipher: PersonalDataCipher,
  personId: string,
  key: Buffer | undefined,
  paths: SealedPathsByType,
): EventCodec<E> {
  const all = [...new Set(Object.values(paths).flat())];
  return {
    encode(event: E): Event {
      const seal = (v: string) => {
        // Their data was erased (the key destroyed): a rule of the record, answered 422, not a fault.
        if (!key)
          throw new ProblemError(
            PersonErrorCode.PERSON_ERASED,
            'this person’s personal data was erased: nothing personal is recorded about them any more',
          );
        return cipher.seal(key, personId, v);
      };
      return { type: event.type, data: mapSealed(event.data, paths[event.type] ?? [], seal) };
    },
    decode(stored: RecordedEvent): E {
      const data = key
        ? mapSealed(stored.data, all, (v) => (isSealed(v) ? cipher.open(key, personId, v) : v))
        : stored.data;
      return { type: stored.type, data } as E;
    },
  };
}
