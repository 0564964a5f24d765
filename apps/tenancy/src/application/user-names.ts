import { Injectable } from '@nestjs/common';
import type { Event } from '@serviceops/kernel';
import { isSealed, PersonalDataCipher, type EventCodec } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { usersRegisteredBy, type TenantCommand, type TenantEvent } from '../domain/tenant/tenant.decider';
import { entry, type TenantUser } from '../domain/tenant/tenant.state';
import { userSealingCodec } from '../infrastructure/sealing';

/**
 * Users' display names, sealed with each user's own data key (`tenancy.data_keys`) in the events, and opened only
 * for the answers that show them. Names from before sealing (clear in old events) are shown as they are.
 */
@Injectable()
export class UserNames {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /**
   * The codec a command's events are appended with: the keys of the users it may register are made first (once
   * per user: a redelivered command finds the same key; a refused one leaves a key that seals nothing).
   */
  async codecFor(command: TenantCommand): Promise<EventCodec<TenantEvent>> {
    const keys = new Map<string, Buffer>();
    for (const userId of usersRegisteredBy(command)) keys.set(userId, await this.cipher.keyFor(userId));
    return userSealingCodec<TenantEvent>(this.cipher, keys);
  }

  /**
   * Crypto-shredding, in the append's transaction: the keys of the users these events erase (UserErased) are
   * deleted, so their names sealed in every event, read model, Kafka message and backup can no longer be opened.
   */
  async shredErased(tx: PoolClient, events: readonly Event[]): Promise<void> {
    const erased = erasedBy(events);
    if (erased.length > 0) await this.cipher.destroy(tx, erased);
  }

  /**
   * The display names of `userIds` in clear, keys loaded in one query. A name whose key is gone is never shown
   * sealed: it reads as empty.
   */
  async shown(
    users: Readonly<Record<string, TenantUser>>,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const sealed = userIds.filter((id) => isSealed(entry(users, id)?.displayName));
    const keys = sealed.length > 0 ? await this.cipher.loadMany(sealed) : new Map<string, Buffer>();
    for (const id of userIds) {
      const name = entry(users, id)?.displayName;
      if (name === undefined) continue;
      if (!isSealed(name)) names.set(id, name);
      else {
        const key = keys.get(id);
        names.set(id, key ? this.cipher.open(key, id, name) : '');
      }
    }
    return names;
  }
}

/** The users these events erase. */
export function erasedBy(events: readonly Event[]): string[] {
  return events.flatMap((e) => (e.type === 'UserErased' ? [(e.data as { userId: string }).userId] : []));
}
