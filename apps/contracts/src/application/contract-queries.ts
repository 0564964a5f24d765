import { ContractErrorCode } from '../domain/contract/contract.errors';
import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@serviceops/kernel';
import { ClearReadLog, Handles, ProblemError, type CallContext } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { headerOf } from '../domain/contract/contract.rules';
import { CONTRACT_VIEW_STATUSES, FOLLOW_UP_STATUSES, seesPersonalData } from '@serviceops/contracts';
import { renderContract } from '../domain/document/contract-document';
import { CONTRACT_KINDS, versionOn } from '../domain/terms/terms';
import { ContractListRow, RenewalFollowUpRow } from '../infrastructure/read-models';
import { fulfilmentOfContract } from '../infrastructure/fulfilment.repository';
import { reviewPerformance } from '../domain/performance/performance';
import { ContractStore, sha256 } from './contract-store';
import { contractViewOf, maskTerms, seenBy, type ContractView } from './contract-view';
import { newestFirst } from './newest-first';
import { dateParam, oneOf } from './query-params';

const LIST_STATUSES: readonly string[] = CONTRACT_VIEW_STATUSES;

/** A stream's events as history: who, when, on whose behalf, which fields (never their values). */
function historyOf(events: readonly RecordedEvent[]) {
  return events.map((e) => ({
    version: e.streamVersion,
    type: e.type,
    at: e.recordedAt.toISOString(),
    actorId: String(e.metadata.actorId ?? 'system'),
    ...(e.metadata.onBehalfOf ? { onBehalfOf: e.metadata.onBehalfOf } : {}),
    ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    ...(e.metadata.correlationId ? { correlationId: e.metadata.correlationId } : {}),
    fields: Object.keys(e.data as object).filter((f) => f !== 'contractId'),
  }));
}

/** The personal text a contract shows: its clauses, and its signers once someone signed. */
function personalFieldsOf(signatures: number): string[] {
  return signatures > 0 ? ['clauses', 'signers'] : ['clauses'];
}

/** Reads of contracts: from the stream (a read sees the write just made), lists from the read model. */
@Injectable()
export class ContractQueries {
  /** Clear reads of a contract's personal text (clauses, signers), recorded before they are answered. */
  private readonly reads: ClearReadLog;

  constructor(
    private readonly contracts: ContractStore,
    private readonly dataSource: DataSource,
  ) {
    this.reads = new ClearReadLog(contracts.runtime.store, 'contract-access', 'customerId');
  }

  /** Records that `call` read the contract's personal text in clear (nothing when it sees it masked). */
  private async recordRead(
    call: CallContext,
    contract: { readonly contractId: string; readonly customerId: string },
    fields: readonly string[],
  ): Promise<void> {
    if (!seesPersonalData(call.roles)) return;
    await this.reads.record(call, [{ personId: contract.customerId, fields }], {
      kind: 'contract',
      id: contract.contractId,
    });
  }

  @Handles('contracts.GetContract')
  async get({ id, asOf }: { id: string; asOf?: string }, call: CallContext): Promise<ContractView> {
    const on = dateParam(asOf, 'asOf');
    const { state, version } = await this.contracts.load(call.tenantId, id);
    const view = contractViewOf(state, version, await this.contracts.today(call.tenantId), on);
    await this.recordRead(call, state, personalFieldsOf(view.signatures.length));
    return seenBy(view, seesPersonalData(call.roles));
  }

  /** The contract, the day asked (`on`, else the tenant's today) and its version in force that day; none: 422. */
  private async inForce(tenantId: string, id: string, on: string | undefined) {
    const { state } = await this.contracts.load(tenantId, id);
    const date = dateParam(on, 'on') ?? (await this.contracts.today(tenantId));
    const found = versionOn(state.versions, date);
    if (!found)
      throw new ProblemError(ContractErrorCode.NO_TERMS_IN_FORCE, `no signed terms are in force on ${date}`, [
        { path: 'on', message: 'before the start, or before the contract was signed' },
      ]);
    return { state, date, found };
  }

  @Handles('contracts.GetContractTerms')
  async terms({ id, on }: { id: string; on?: string }, call: CallContext) {
    const { state, date, found } = await this.inForce(call.tenantId, id, on);
    await this.recordRead(call, state, ['clauses']);
    return {
      contractId: id,
      on: date,
      version: found.version,
      effectiveFrom: found.effectiveFrom,
      terms: seesPersonalData(call.roles) ? found.terms : maskTerms(found.terms),
    };
  }

  /**
   * The periodic review on a date: what orders and billing reported done under the contract, against the terms in
   * force that day; what is behind schedule is flagged.
   */
  @Handles('contracts.GetContractReview')
  async review({ id, on }: { id: string; on?: string }, call: CallContext) {
    const { state, date, found } = await this.inForce(call.tenantId, id, on);
    const currency = found.terms.rentPerMonth?.currency ?? found.terms.deposit?.currency;
    const fulfilment = await fulfilmentOfContract(this.dataSource, call.tenantId, id, currency);
    const review = reviewPerformance(state.kind, found.terms, fulfilment, date);
    return {
      contractId: id,
      on: review.on,
      ...(review.sessions ? { sessions: review.sessions } : {}),
      visits: review.visits,
      payments: {
        ...(review.payments.dueByNow ? { dueByNow: review.payments.dueByNow } : {}),
        ...(currency === undefined ? {} : { paid: { amount: review.payments.paid, currency } }),
      },
      behind: review.behind,
    };
  }

  /**
   * The document of a version as rendered now, its hash, and the hash both parties signed: a text changed since
   * (a template's title, a rendering) shows as `matchesSigned: false`.
   */
  @Handles('contracts.GetContractDocument')
  async document({ id, version }: { id: string; version?: number }, call: CallContext) {
    const { state, decoded } = await this.contracts.load(call.tenantId, id);
    const signedHashes = new Map<number, string>();
    for (const e of decoded)
      if (e.type === 'ContractSigned' || e.type === 'AmendmentSigned')
        signedHashes.set(e.data.version, e.data.documentHash);
    const wanted = version ?? state.versions.at(-1)?.version;
    const signed = wanted === undefined ? undefined : state.versions.find((v) => v.version === wanted);
    if (wanted !== undefined && !signed)
      throw new ProblemError(ContractErrorCode.VERSION_NOT_FOUND, `contract ${id} has no version ${wanted}`);
    const terms = signed?.terms ?? state.terms;
    const header = headerOf(state, wanted ?? 0, signed?.effectiveFrom ?? state.terms.startDate);
    const text = renderContract(header, terms);
    const contentHash = sha256(text);
    // A role that may not see personal data gets the text with its clauses masked (the hashes are the real text's).
    const shown = seesPersonalData(call.roles) ? text : renderContract(header, maskTerms(terms));
    await this.recordRead(call, state, personalFieldsOf(state.signatures.length));
    const signedHash = wanted === undefined ? undefined : signedHashes.get(wanted);
    return {
      contractId: id,
      version: wanted ?? 0,
      text: shown,
      contentHash,
      ...(signedHash ? { signedHash } : {}),
      matchesSigned: signedHash === contentHash,
    };
  }

  @Handles('contracts.GetContractHistory')
  async history({ id }: { id: string }, call: CallContext) {
    const { events } = await this.contracts.load(call.tenantId, id);
    return { id, entries: historyOf(events) };
  }

  /** Newest first; `status=active` is a signed contract on or after its start date. */
  @Handles('contracts.ListContracts')
  async list(
    filter: {
      status?: string;
      kind?: string;
      customerId?: string;
      expiringBefore?: string;
      limit?: number;
      cursor?: string;
    },
    call: CallContext,
  ) {
    const status = oneOf(filter.status, LIST_STATUSES, 'status');
    const kind = oneOf(filter.kind, CONTRACT_KINDS, 'kind');
    const before = dateParam(filter.expiringBefore, 'expiringBefore');
    const today = await this.contracts.today(call.tenantId);
    const { page, nextCursor } = await newestFirst(
      this.dataSource.getRepository(ContractListRow),
      { at: 'draftedAt', id: 'contractId' },
      call.tenantId,
      filter,
      (query) => {
        if (status === 'active') query.andWhere("r.status = 'signed' AND r.startDate <= :today", { today });
        else if (status === 'signed')
          query.andWhere("r.status = 'signed' AND r.startDate > :today", { today });
        else if (status) query.andWhere('r.status = :status', { status });
        if (kind) query.andWhere('r.kind = :kind', { kind });
        if (filter.customerId) query.andWhere('r.customerId = :customer', { customer: filter.customerId });
        if (before) query.andWhere('r.endDate < :before', { before });
      },
    );
    return {
      items: page.map((r) => ({
        id: r.contractId,
        version: r.version,
        status: r.status === 'signed' && r.startDate <= today ? 'active' : r.status,
        kind: r.kind,
        customerId: r.customerId,
        startDate: r.startDate,
        endDate: r.endDate,
        draftedAt: r.draftedAt.toISOString(),
      })),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  /** Renewal follow-ups by owner and status, newest first (one per contract: its last notice's). */
  @Handles('contracts.ListRenewalFollowUps')
  async followUps(
    filter: { owner?: string; status?: string; limit?: number; cursor?: string },
    call: CallContext,
  ) {
    const status = oneOf(filter.status, FOLLOW_UP_STATUSES, 'status');
    const { page, nextCursor } = await newestFirst(
      this.dataSource.getRepository(RenewalFollowUpRow),
      { at: 'openedAt', id: 'contractId' },
      call.tenantId,
      filter,
      (query) => {
        if (filter.owner) query.andWhere('r.owner = :owner', { owner: filter.owner });
        if (status) query.andWhere('r.status = :status', { status });
      },
    );
    return {
      items: page.map((r) => ({
        contractId: r.contractId,
        version: r.version,
        owner: r.owner,
        endDate: r.endDate,
        status: r.status,
        openedAt: r.openedAt.toISOString(),
        ...(r.closedAt ? { closedAt: r.closedAt.toISOString() } : {}),
        ...(r.closedBy ? { closedBy: r.closedBy } : {}),
      })),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }
}
