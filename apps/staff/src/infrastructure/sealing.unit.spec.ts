import { randomBytes } from 'node:crypto';
import { isSealed, PersonalDataCipher } from '@serviceops/platform';
import type { Pool } from 'pg';
import { personCodec } from './sealing';

// A person's codec: their fields sealed with their key; once the key is gone (erased), writing anything personal
// about them is refused with a code (422), never a fault (500).

const cipher = new PersonalDataCipher({} as Pool, randomBytes(32).toString('base64'), {
  schema: 'staff',
  idColumn: 'person_id',
});
const PERSON = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const paths = { Noted: ['note'] };
const noted = { type: 'Noted', data: { note: 'Zhang Wei was late', minutes: 12 } };

it('seals the listed paths with the person’s key, and opens them again', () => {
  const codec = personCodec(cipher, PERSON, randomBytes(32), paths);
  const stored = codec.encode(noted);
  expect(isSealed((stored.data as { note: string }).note)).toBe(true);
  expect(stored.data).toMatchObject({ minutes: 12 });
});

it('refuses to write personal data for a person whose key is gone: STAFF.PERSON_ERASED', () => {
  const codec = personCodec(cipher, PERSON, undefined, paths);
  let refused: unknown;
  try {
    codec.encode(noted);
  } catch (error) {
    refused = error;
  }
  expect(refused).toMatchObject({ code: 'STAFF.PERSON_ERASED' });
  // An event with nothing personal in it is still written.
  expect(codec.encode({ type: 'Other', data: { minutes: 3 } })).toEqual({
    type: 'Other',
    data: { minutes: 3 },
  });
});
