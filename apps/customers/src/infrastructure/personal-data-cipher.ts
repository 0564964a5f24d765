import type { Pool } from 'pg';
import { PersonalDataCipher as Cipher } from '@serviceops/platform';

export { isSealed, mapSealed } from '@serviceops/platform';

/** The shared cipher (libs/platform), on the customers schema's data keys. */
export class PersonalDataCipher extends Cipher {
  constructor(pool: Pool, masterKeyBase64: string) {
    super(pool, masterKeyBase64, 'customers');
  }
}
