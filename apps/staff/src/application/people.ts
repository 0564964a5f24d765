import { Inject, Injectable } from '@nestjs/common';
import { STAFF_PERSONAL_DATA_ROLES } from '@serviceops/contracts';
import type { Event, RecordedEvent } from '@serviceops/kernel';
import type { PoolClient } from 'pg';
import {
  ClearReadLog,
  DurableTimers,
  EventSourcingRuntime,
  maskIdNumber,
  maskName,
  maskPhone,
  optional,
  PersonalDataCipher,
  ProblemError,
  type CallContext,
  type EventCodec,
} from '@serviceops/platform';
import type { PeoplePolicyChanged } from '../domain/people-policy/change-people-policy';
import { peoplePolicyDecider, peoplePolicyStreamId } from '../domain/people-policy/people-policy.decider';
import type { PeoplePolicy } from '../domain/people-policy/people-policy.state';
import { personCodec, type SealedPathsByType } from '../infrastructure/sealing';
import { TENANT_ZONES } from '../infrastructure/tenant-zones';
import { PersonErrorCode } from '../domain/person/person.errors';

/** The tenant's people policy as decisions take it: its version and values (version 0: the defaults). */
export interface VersionedPeoplePolicy extends PeoplePolicy {
  readonly version: number;
}

/** A person's fields that an answer may show in clear. */
export const PERSON_FIELDS = ['name', 'phone', 'idNumber'] as const;

/** Whether a caller sees staff and candidates' personal data in clear. */
export function seesStaffPersonalData(roles: readonly string[]): boolean {
  return STAFF_PERSONAL_DATA_ROLES.some((role) => roles.includes(role));
}

/** Who acts when the platform itself does (a timer). */
export function systemCall(tenantId: string, actor: string, correlationId: string) {
  return { tenantId, actorId: `system:${actor}`, roles: [], correlationId };
}

/**
 * What every people handler needs: the event store, each person's codec (their key seals their personal
 * fields), the durable timers and the tenant's policy.
 */
@Injectable()
export class People {
  /** Clear reads of a person's data, recorded before they are answered (`staff-access-<tenant>-<read>`). */
  readonly reads: ClearReadLog;

  constructor(
    readonly runtime: EventSourcingRuntime,
    readonly cipher: PersonalDataCipher,
    @Inject(DurableTimers) readonly timers: DurableTimers,
  ) {
    this.reads = new ClearReadLog(runtime.store, 'staff-access', 'personId');
  }

  /**
   * Records which of a person's fields an answer shows in clear (nothing when masked): the person fields present
   * in `view`, or the `fields` named.
   */
  recordRead(
    call: CallContext,
    shown: readonly { personId: string; view?: object; fields?: readonly string[] }[],
    through: { kind: string; id?: string },
  ): Promise<void> {
    const clear = seesStaffPersonalData(call.roles);
    return this.reads.record(
      call,
      shown.map(({ personId, view = {}, fields }) => ({
        personId,
        fields: clear ? (fields ?? PERSON_FIELDS.filter((f) => f in view)) : [],
      })),
      through,
    );
  }

  /**
   * For writing: makes the person's key on first use, but never again for a person whose data was erased (422
   * STAFF.PERSON_ERASED): a new key would start their personal data over.
   */
  async forWrite<E extends Event>(personId: string, paths: SealedPathsByType): Promise<EventCodec<E>> {
    const key = await this.cipher.load(personId);
    if (!key && (await this.wasErased(personId)))
      throw new ProblemError(
        PersonErrorCode.PERSON_ERASED,
        'this person’s personal data was erased: nothing more is recorded',
      );
    return personCodec<E>(this.cipher, personId, key ?? (await this.cipher.keyFor(personId)), paths);
  }

  /** Erases people for good, in the caller's transaction: their keys destroyed, their erasure remembered. */
  async erase(tx: PoolClient, personIds: readonly string[]): Promise<void> {
    await this.cipher.destroy(tx, personIds);
    await tx.query(
      `INSERT INTO staff.erased_people (person_id) SELECT unnest($1::uuid[]) ON CONFLICT (person_id) DO NOTHING`,
      [personIds],
    );
  }

  private async wasErased(personId: string): Promise<boolean> {
    const { rowCount } = await this.runtime.store.pool.query(
      `SELECT 1 FROM staff.erased_people WHERE person_id = $1`,
      [personId],
    );
    return (rowCount ?? 0) > 0;
  }

  async forRead<E extends Event>(personId: string, paths: SealedPathsByType): Promise<EventCodec<E>> {
    return personCodec<E>(this.cipher, personId, await this.cipher.load(personId), paths);
  }

  async policyOf(tenantId: string): Promise<VersionedPeoplePolicy> {
    const { state } = await this.runtime.store.aggregate(
      peoplePolicyStreamId(tenantId),
      (s, e) => peoplePolicyDecider.evolve(s, e as unknown as PeoplePolicyChanged),
      peoplePolicyDecider.initialState,
    );
    return { version: state.version, ...state.policy };
  }

  /** The tenant's time zone (tenancy's calendar): the days of its dates (issued on, last day) start at its midnight. */
  timeZoneOf(tenantId: string): Promise<string> {
    return TENANT_ZONES.zoneOf(this.runtime.store.pool, tenantId);
  }

  /** A stream's events decoded with the person's key (up to `asOf` when given). */
  async read<E extends Event>(
    stream: string,
    personId: string,
    paths: SealedPathsByType,
    asOf?: Date,
  ): Promise<{ events: readonly RecordedEvent[]; decoded: E[]; version: number }> {
    const { events } = await this.runtime.store.readStream(stream, asOf ? { asOf } : {});
    const codec = await this.forRead<E>(personId, paths);
    return {
      events,
      decoded: events.map((e) => codec.decode(e)),
      version: events.at(-1)?.streamVersion ?? 0,
    };
  }
}

/** Personal values in clear for the roles that see them, masked for the others, absent when still sealed. */
export function personal(
  clear: boolean,
  values: { name?: string; phone?: string; idNumber?: string },
): { name?: string; phone?: string; idNumber?: string } {
  const show = (v: string | undefined, mask: (x: string) => string) =>
    v === undefined || v === '' || v.startsWith('enc:') ? undefined : clear ? v : mask(v);
  return {
    ...optional('name', show(values.name, maskName)),
    ...optional('phone', show(values.phone, maskPhone)),
    ...optional('idNumber', show(values.idNumber, maskIdNumber)),
  };
}
