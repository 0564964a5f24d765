import { ContractErrorCode } from '../domain/contract/contract.errors';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, type Event, localDateOf, type RecordedEvent, zonedInstant } from '@serviceops/kernel';
import {
  DurableTimers,
  EventSourcingRuntime,
  isSealed,
  mapSealed,
  PersonalDataCipher,
  ProblemError,
  sealingCodec,
  tenantZonesOf,
  type CallContext,
  type EventCodec,
} from '@serviceops/platform';
import {
  contractTemplateDecider,
  contractTemplateStreamId,
  type ContractTemplateEvent,
} from '../domain/contract-template/contract-template.decider';
import type { ContractTemplate } from '../domain/contract-template/contract-template.state';
import { contractDecider, contractStreamId } from '../domain/contract/contract.decider';
import { CONTRACT_SEALED_PATHS, type ContractEvent } from '../domain/contract/contract.events';
import type { Contract, ContractContext, TemplateRef } from '../domain/contract/contract.state';
import { PROPOSAL_SEALED_PATHS, type ProposalEvent } from '../domain/proposal/proposal.events';
import { CONTRACT_KINDS, isContractKind, type ContractKind } from '../domain/terms/terms';

/** Each tenant's time zone, kept from tenancy's calendar events (libs/platform tenant-zones). */
export const TENANT_ZONES = tenantZonesOf('contracts');

/**
 * The instant a local date (plus `days`) begins in the tenant's zone: when a date's timer is due. A contract's
 * dates are days on its tenant's calendar (tenancy's time zone, kept by the tenant-zones projection).
 */
export function startOfDay(date: string, timeZone: string, days = 0): Date {
  return zonedInstant(timeZone, addDays(date, days), 0);
}

/** The time a command is decided at, and the day it is on the tenant's calendar. */
export interface ContractClock {
  readonly now: Date;
  readonly timeZone: string;
  readonly today: string;
}

export const EXPIRY_NOTICE_TIMER = 'contract-expiry-notice';
export const CONTRACT_END_TIMER = 'contract-end';
export const PROPOSAL_VALIDITY_TIMER = 'proposal-validity';
export const noticeTimerId = (contractId: string) => `${EXPIRY_NOTICE_TIMER}:${contractId}`;
export const endTimerId = (contractId: string) => `${CONTRACT_END_TIMER}:${contractId}`;
export const validityTimerId = (proposalId: string) => `${PROPOSAL_VALIDITY_TIMER}:${proposalId}`;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const notFoundContract = () =>
  new ProblemError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
/** The customer was erased (customers' CustomerErased): nothing personal can be written of them any more. */
export const customerErased = () =>
  new ProblemError(
    ContractErrorCode.CUSTOMER_ERASED,
    'the customer was erased: their contract takes no new personal text',
  );
/** What a sealed value whose key is gone shows as. */
export const ERASED_TEXT = '[erased]';

/** The system as a caller (timers): recorded as the actor of what it decides. */
export function systemCall(tenantId: string, actor: string, correlationId: string): CallContext {
  return { tenantId, actorId: `system:${actor}`, roles: [], correlationId };
}

/** Streams, time and timers of the contracts service. */
@Injectable()
export class ContractStore {
  constructor(
    readonly runtime: EventSourcingRuntime,
    readonly timers: DurableTimers,
    readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * A codec for a contract's events: its free text sealed with the customer's data key (made on first use when
   * `create`), opened on the way out; a value whose key is gone reads as ERASED_TEXT.
   */
  codecFor(customerId: string, create = false): Promise<EventCodec<ContractEvent>> {
    return this.sealing<ContractEvent>(customerId, create, CONTRACT_SEALED_PATHS);
  }

  /** The same for a proposal's events (a decline's reason). */
  proposalCodecFor(customerId: string, create = false): Promise<EventCodec<ProposalEvent>> {
    return this.sealing<ProposalEvent>(customerId, create, PROPOSAL_SEALED_PATHS);
  }

  private async sealing<E extends Event>(
    customerId: string,
    create: boolean,
    sealedPaths: Readonly<Record<string, readonly string[]>>,
  ): Promise<EventCodec<E>> {
    if (create) await this.assertNotErased(customerId);
    const key = create ? await this.cipher.keyFor(customerId) : await this.cipher.load(customerId);
    const allPaths = [...new Set(Object.values(sealedPaths).flat())];
    const codec = sealingCodec<E>(
      this.cipher,
      customerId,
      key,
      (type) => sealedPaths[type] ?? [],
      allPaths,
      customerErased,
    );
    if (key) return codec;
    return {
      encode: (event) => codec.encode(event),
      decode: (stored) => codec.decode({ ...stored, data: mapSealed(stored.data, allPaths, masked) }),
    };
  }

  /** 422 CONTRACTS.CUSTOMER_ERASED for a customer the customers service erased: no new key is made for them. */
  private async assertNotErased(customerId: string): Promise<void> {
    const { rowCount } = await this.runtime.store.pool.query(
      'SELECT 1 FROM contracts.erased_customers WHERE customer_id = $1',
      [customerId],
    );
    if (rowCount) throw customerErased();
  }

  /** The codec of an existing contract: its first event names the customer. 404 when there is none. */
  async codecOf(tenantId: string, contractId: string): Promise<EventCodec<ContractEvent>> {
    const { events } = await this.runtime.store.readStream(contractStreamId(tenantId, contractId), {
      maxCount: 1,
    });
    const customerId = (events[0]?.data as { customerId?: unknown } | undefined)?.customerId;
    if (typeof customerId !== 'string') throw notFoundContract();
    return this.codecFor(customerId);
  }

  /** Now, and today on the tenant's calendar. */
  async clock(tenantId: string, now = new Date()): Promise<ContractClock> {
    const timeZone = await TENANT_ZONES.zoneOf(this.runtime.store.pool, tenantId);
    return { now, timeZone, today: localDateOf(timeZone, now) };
  }

  async today(tenantId: string, now = new Date()): Promise<string> {
    return (await this.clock(tenantId, now)).today;
  }

  async context(tenantId: string, now = new Date()): Promise<ContractContext & { timeZone: string }> {
    const { timeZone, today } = await this.clock(tenantId, now);
    return { now, today, timeZone, hash: sha256 };
  }

  /** The tenant's template of a kind in force: the default until one is published. */
  async template(tenantId: string, kind: ContractKind): Promise<ContractTemplate> {
    if (!isContractKind(kind))
      throw new ProblemError('VALIDATION', 'unknown kind of contract', [
        { path: 'kind', message: CONTRACT_KINDS.join(', ') },
      ]);
    const decider = contractTemplateDecider(kind);
    const { events } = await this.runtime.store.readStream(contractTemplateStreamId(tenantId, kind));
    return events.reduce(
      (s, e) => decider.evolve(s, e as unknown as ContractTemplateEvent),
      decider.initialState(),
    );
  }

  templateRef({
    version,
    title,
    requiredClauses,
    reviewRequired,
    expiryNoticeMonths,
  }: ContractTemplate): TemplateRef {
    return { version, title, requiredClauses: [...requiredClauses], reviewRequired, expiryNoticeMonths };
  }

  /**
   * 404 for a stream the tenant does not have, before an If-Match is compared (another tenant's id is not found
   * here, whatever version the caller names).
   */
  async assertExists(streamId: string, notFound: () => Error): Promise<void> {
    const { events } = await this.runtime.store.readStream(streamId, { maxCount: 1 });
    if (events.length === 0) throw notFound();
  }

  /** The contract's events (those known at `asOf`, when given); 404 when it has none. */
  async load(
    tenantId: string,
    contractId: string,
  ): Promise<{ state: Contract; version: number; events: RecordedEvent[]; decoded: ContractEvent[] }> {
    const codec = await this.codecOf(tenantId, contractId);
    const { events } = await this.runtime.store.readStream(contractStreamId(tenantId, contractId));
    const decoded = events.map((e) => codec.decode(e));
    const state = decoded.reduce(contractDecider.evolve, contractDecider.initialState());
    if (state.status === 'absent') throw notFoundContract();
    return { state, version: events.at(-1)?.streamVersion ?? 0, events, decoded };
  }
}

function masked(value: string): string {
  return isSealed(value) ? ERASED_TEXT : value;
}
