import { ProposalErrorCode } from '../domain/proposal/proposal.errors';
import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@serviceops/kernel';
import {
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  metadataOf,
  ProblemError,
  uuidField,
  type CallContext,
  type DueTimer,
  type EventCodec,
} from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { contractDecider, contractStreamId } from '../domain/contract/contract.decider';
import {
  PROPOSAL_USE_CASES,
  proposalDecider,
  proposalStreamId,
  type ProposalCommand,
  type ProposalEvent,
} from '../domain/proposal/proposal.decider';
import { acceptProposal, type AcceptProposal } from '../domain/proposal/accept-proposal';
import { createProposal, type CreateProposal } from '../domain/proposal/create-proposal';
import { offeredTerms } from '../domain/proposal/proposal.rules';
import type { Proposal, ProposalState } from '../domain/proposal/proposal.state';
import {
  ContractStore,
  PROPOSAL_VALIDITY_TIMER,
  startOfDay,
  systemCall,
  validityTimerId,
} from './contract-store';

/** A proposal as the API answers it: the proto's Proposal. */
export interface ProposalView extends Omit<Proposal['offer'], never> {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly contractId?: string;
}

const notFound = () => new ProblemError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'no such proposal');

function viewOf(state: ProposalState, version: number): ProposalView {
  if (state.status === 'absent') throw notFound();
  return {
    id: state.proposalId,
    version,
    status: state.status,
    ...state.offer,
    ...(state.contractId ? { contractId: state.contractId } : {}),
  };
}

/** What a request carries beside its command: the If-Match version, when the caller sent one. */
interface IfMatch {
  readonly expectedVersion?: number;
}

type ExistingCommand = Exclude<ProposalCommand, { type: 'CreateProposal' }>;

/**
 * Proposals (quotes): written, sent (its validity's timer set in the same transaction), accepted — the
 * contract's draft is appended in the same transaction, carrying the items — declined, or expired by the timer.
 * Every declared method's request becomes its command by the use case's `handles` (in its file under
 * domain/proposal/). One that is the whole of its method (send, decline) is served by `change`, bound at the end of
 * this file; the methods here (`@HandlesUseCase`) are those that do more (the customer's key, the contract's draft).
 */
@Injectable()
export class ProposalHandlers {
  constructor(private readonly contracts: ContractStore) {}

  /** A new proposal: the customer's id checked and their data key made (refused once erased) before it is decided. */
  @HandlesUseCase(createProposal)
  async create(command: CreateProposal, _request: object, call: CallContext): Promise<ProposalView> {
    const { proposalId, customerId } = command.data;
    uuidField(customerId, 'customerId');
    const { runtime } = this.contracts;
    const codec = await this.contracts.proposalCodecFor(customerId, true);
    const context = await this.context(call.tenantId);
    const done = await runtime.timed('CreateProposal', () =>
      execute(
        runtime.store,
        proposalDecider,
        proposalStreamId(call.tenantId, proposalId),
        command,
        context,
        call,
        { newStream: true, codec },
      ),
    );
    return viewOf(done.state, done.version);
  }

  /** Accepted: the contract's draft (the command's `contractId`) is appended in the same transaction. */
  @HandlesUseCase(acceptProposal)
  async accept(
    command: AcceptProposal,
    { expectedVersion }: IfMatch,
    call: CallContext,
  ): Promise<ProposalView> {
    const { runtime } = this.contracts;
    const { contractId } = command.data;
    const context = await this.contracts.context(call.tenantId);
    return this.act(call, command, expectedVersion, async (tx, state) => {
      if (state.status === 'absent') return;
      const { offer } = state;
      const template = this.contracts.templateRef(await this.contracts.template(call.tenantId, offer.kind));
      const drafted = contractDecider.decide(
        {
          type: 'DraftContract',
          data: {
            contractId,
            kind: offer.kind,
            customerId: offer.customerId,
            line: offer.line,
            proposalId: state.proposalId,
            terms: offeredTerms(offer),
          },
        },
        contractDecider.initialState(),
        { ...context, template },
      );
      const codec = await this.contracts.codecFor(offer.customerId, true);
      await runtime.store.appendWith(
        tx,
        contractStreamId(call.tenantId, contractId),
        drafted.map((e) => codec.encode(e)),
        {
          expectedVersion: 'no_stream',
          metadata: metadataOf(call),
        },
      );
      await this.contracts.timers.cancel(tx, validityTimerId(state.proposalId));
    });
  }

  @Handles('contracts.GetProposal')
  async get({ id }: { id: string }, call: CallContext): Promise<ProposalView> {
    const { events } = await this.contracts.runtime.store.readStream(proposalStreamId(call.tenantId, id));
    const codec = await this.codecOf(events[0]);
    const state = events.reduce(
      (s, e) => proposalDecider.evolve(s, codec.decode(e)),
      proposalDecider.initialState(),
    );
    return viewOf(state, events.at(-1)?.streamVersion ?? 0);
  }

  /** The validity's timer: expired, unless answered meanwhile. */
  async expire(timer: DueTimer): Promise<void> {
    const proposalId = String(timer.payload['proposalId']);
    await this.act(systemCall(timer.tenantId, 'proposal-validity', timer.id), {
      type: 'ExpireProposal',
      data: { proposalId },
    });
  }

  /**
   * A change to one proposal, its validity's timer kept in step with its status in the same transaction: set while
   * it is sent (due the day after its last valid day, in the tenant's zone), cancelled once it is answered.
   */
  async change(call: CallContext, command: ExistingCommand, expectedVersion?: number): Promise<ProposalView> {
    const { timeZone } = await this.contracts.clock(call.tenantId);
    return this.act(call, command, expectedVersion, async (tx, state) => {
      if (state.status === 'absent') return;
      if (state.status !== 'sent') {
        await this.contracts.timers.cancel(tx, validityTimerId(state.proposalId));
        return;
      }
      await this.contracts.timers.schedule(tx, {
        id: validityTimerId(state.proposalId),
        tenantId: call.tenantId,
        kind: PROPOSAL_VALIDITY_TIMER,
        dueAt: startOfDay(state.offer.validUntil, timeZone, 1),
        payload: { proposalId: state.proposalId },
      });
    });
  }

  /** The codec of an existing proposal: its first event names the customer whose key seals it. 404 when none. */
  private async codecOf(first: RecordedEvent | undefined): Promise<EventCodec<ProposalEvent>> {
    const offer = (first?.data as { offer?: { customerId?: unknown } } | undefined)?.offer;
    if (typeof offer?.customerId !== 'string') throw notFound();
    return this.contracts.proposalCodecFor(offer.customerId);
  }

  private async context(tenantId: string) {
    const { now, today } = await this.contracts.clock(tenantId);
    return { now, today };
  }

  /** Load → decide → append on the proposal the command names, at the If-Match version when one is given. */
  private async act(
    call: CallContext,
    command: ExistingCommand,
    expectedVersion?: number,
    inline?: (tx: PoolClient, state: ProposalState) => Promise<void>,
  ): Promise<ProposalView> {
    const { runtime } = this.contracts;
    const stream = proposalStreamId(call.tenantId, command.data.proposalId);
    const { events } = await runtime.store.readStream(stream, { maxCount: 1 });
    const codec = await this.codecOf(events[0]);
    const context = await this.context(call.tenantId);
    const done = await runtime.timed(command.type, () =>
      execute(runtime.store, proposalDecider, stream, command, context, call, {
        codec,
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        ...(inline ? { inline: (tx, state) => inline(tx, state as ProposalState) } : {}),
      }),
    );
    if (done.state.status === 'absent') throw notFound();
    return viewOf(done.state, done.version);
  }
}

// Every use case with `handles` (SendProposal, DeclineProposal): request → command → `change`.
handlesUseCases(ProposalHandlers, PROPOSAL_USE_CASES, function (command, request, call) {
  return this.change(call, command as ExistingCommand, request.expectedVersion);
});
