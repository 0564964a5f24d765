import { Injectable } from '@nestjs/common';
import {
  RENEWAL_FOLLOW_UP_MANAGERS,
  seesPersonalData,
  type BusinessLine,
  type FollowUpOutcome,
} from '@serviceops/contracts';
import { newId } from '@serviceops/kernel';
import {
  execute,
  executeTogether,
  Handles,
  handlesUseCases,
  uuidField,
  type CallContext,
  type DueTimer,
} from '@serviceops/platform';
import type { PoolClient } from 'pg';
import {
  CONTRACT_USE_CASES,
  contractDecider,
  contractStreamId,
  type ContractCommand,
  type ContractEvent,
} from '../domain/contract/contract.decider';
import type { Contract, ContractState } from '../domain/contract/contract.state';
import { monthsBefore, renewalTerms, type ContractKind } from '../domain/terms/terms';
import {
  CONTRACT_END_TIMER,
  ContractStore,
  endTimerId,
  EXPIRY_NOTICE_TIMER,
  noticeTimerId,
  startOfDay,
  systemCall,
} from './contract-store';
import {
  contractViewOf,
  renewalFollowUpViewOf,
  seenBy,
  type ContractView,
  type RenewalFollowUpView,
} from './contract-view';
import { changesOf, termsOf, type TermChangesMessage, type TermsMessage } from '../domain/terms/messages';

type ExistingCommand = Exclude<ContractCommand, { type: 'DraftContract' }>;
/** Events after which the contract's timers are set again (or dropped). */
const MOVES_TIMERS: ReadonlySet<ContractEvent['type']> = new Set([
  'ContractSigned',
  'AmendmentSigned',
  'ContractTerminated',
  'ContractRenewed',
  'ContractArchived',
]);
/** Statuses in which the contract still runs to its end. */
const RUNNING: ReadonlySet<Contract['status']> = new Set(['signed', 'suspended']);

interface Versioned {
  readonly id: string;
  readonly expectedVersion?: number;
}

/**
 * The contract's commands: load the stream, decide, append (`execute`), answer the contract with its new version.
 * Signing and amending set the expiry timers in the same transaction as the events (restart-safe); the timers'
 * handlers are `notice` and `end`. A use case that is the whole of its declared method (`handles`, in its file under
 * domain/contract/) is served by `change`, bound at the end of this file; the methods here are those that do more
 * (a new id, two streams, the caller's roles, another answer).
 */
@Injectable()
export class ContractHandlers {
  constructor(private readonly contracts: ContractStore) {}

  @Handles('contracts.DraftContract')
  async draft(
    request: { kind?: string; customerId?: string; line?: string; terms?: TermsMessage },
    call: CallContext,
  ): Promise<ContractView> {
    const contractId = newId();
    const kind = (request.kind ?? '') as ContractKind;
    const customerId = uuidField(request.customerId, 'customerId');
    const template = await this.contracts.template(call.tenantId, kind);
    const codec = await this.contracts.codecFor(customerId, true);
    const context = await this.contracts.context(call.tenantId);
    const { runtime } = this.contracts;
    const done = await runtime.timed('DraftContract', () =>
      execute(
        runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, contractId),
        {
          type: 'DraftContract',
          data: {
            contractId,
            kind,
            customerId,
            line: (request.line ?? '') as BusinessLine,
            terms: termsOf(request.terms),
          },
        },
        { ...context, template: this.contracts.templateRef(template) },
        call,
        { newStream: true, codec },
      ),
    );
    return this.answer(call, done.state, done.version, context.today);
  }

  @Handles('contracts.AmendContract')
  amend(
    request: Versioned & { effectiveFrom?: string; changes?: TermChangesMessage },
    call: CallContext,
  ): Promise<ContractView> {
    return this.change(call, request, {
      type: 'AmendContract',
      data: {
        contractId: request.id,
        amendmentId: newId(),
        effectiveFrom: request.effectiveFrom ?? '',
        changes: changesOf(request.changes),
      },
    });
  }

  /**
   * Renewal: this contract is marked renewed and its successor drafted (same kind, customer, items and clauses,
   * from the day after the end for a term as long, under the template in force), in one transaction.
   */
  @Handles('contracts.RenewContract')
  async renew(request: Versioned, call: CallContext): Promise<ContractView> {
    const { runtime } = this.contracts;
    const { state } = await this.contracts.load(call.tenantId, request.id);
    const template = this.contracts.templateRef(await this.contracts.template(call.tenantId, state.kind));
    const successorId = newId();
    const context = { ...(await this.contracts.context(call.tenantId)), template };
    const codec = await this.contracts.codecFor(state.customerId);
    const part = (streamId: string, expectedVersion?: number) => ({
      streamId,
      codec,
      evolve: contractDecider.evolve,
      initialState: contractDecider.initialState,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    const done = await runtime.timed('RenewContract', () =>
      executeTogether<ContractState, ContractEvent>(
        runtime.store,
        [
          part(contractStreamId(call.tenantId, request.id), request.expectedVersion),
          part(contractStreamId(call.tenantId, successorId)),
        ],
        ([first, successor]) => {
          const renewed = contractDecider.decide(
            { type: 'RenewContract', data: { contractId: request.id, successorId } },
            first ?? contractDecider.initialState(),
            context,
          );
          const from = first?.status === 'absent' || !first ? state : first;
          const drafted = contractDecider.decide(
            {
              type: 'DraftContract',
              data: {
                contractId: successorId,
                kind: from.kind,
                customerId: from.customerId,
                line: from.line,
                terms: renewalTerms(from.terms),
                predecessorId: request.id,
              },
            },
            successor ?? contractDecider.initialState(),
            context,
          );
          return [renewed, drafted];
        },
        call,
        {
          inline: (tx, [renewed]) =>
            this.syncTimers(tx, call, renewed ?? contractDecider.initialState(), context.timeZone),
        },
      ),
    );
    const renewed = done.states[0];
    if (!renewed || renewed.status === 'absent') throw new Error('renewal lost its contract');
    return this.answer(call, renewed, done.versions[0] ?? 0, context.today);
  }

  /** Its owner, or a manager (RENEWAL_FOLLOW_UP_MANAGERS), closes the open renewal follow-up with an outcome. */
  @Handles('contracts.CloseRenewalFollowUp')
  async closeFollowUp(
    request: Versioned & { outcome?: string },
    call: CallContext,
  ): Promise<RenewalFollowUpView> {
    const managers: readonly string[] = RENEWAL_FOLLOW_UP_MANAGERS;
    const { state, version } = await this.decideOn(call, request, {
      type: 'CloseRenewalFollowUp',
      data: {
        contractId: request.id,
        outcome: (request.outcome ?? '') as FollowUpOutcome,
        by: call.actorId,
        asManager: call.roles.some((role) => managers.includes(role)),
      },
    });
    if (!state.renewalFollowUp) throw new Error('the follow-up closed is gone');
    return renewalFollowUpViewOf(state.contractId, version, state.renewalFollowUp);
  }

  /** The expiry notice's timer: the notice and the renewal follow-up's owner, once per end date. */
  async notice(timer: DueTimer): Promise<void> {
    const { contractId, owner } = timer.payload as { contractId: string; owner?: string };
    const followUpOwner = owner ?? 'system';
    await this.change(
      systemCall(timer.tenantId, 'expiry-notice', timer.id),
      { id: contractId },
      {
        type: 'SendExpiryNotice',
        data: { contractId, followUpOwner },
      },
    );
  }

  /** The end's timer: not renewed by the end → expired (nothing for one renewed, terminated or moved on). */
  async end(timer: DueTimer): Promise<void> {
    const { contractId } = timer.payload as { contractId: string };
    await this.change(
      systemCall(timer.tenantId, 'contract-end', timer.id),
      { id: contractId },
      {
        type: 'ExpireContract',
        data: { contractId },
      },
    );
  }

  /** A change to one contract: load → decide → append, the timers moved in step; the contract as the caller sees it. */
  async change(call: CallContext, request: Versioned, command: ExistingCommand): Promise<ContractView> {
    const { state, version, today } = await this.decideOn(call, request, command);
    return this.answer(call, state, version, today);
  }

  /** Load → decide → append (the timers moved in the same transaction); the contract after, its version. */
  private async decideOn(
    call: CallContext,
    request: Versioned,
    command: ExistingCommand,
  ): Promise<{ state: Contract; version: number; today: string }> {
    const { runtime } = this.contracts;
    const context = await this.contracts.context(call.tenantId);
    const stream = contractStreamId(call.tenantId, request.id);
    const codec = await this.contracts.codecOf(call.tenantId, request.id);
    const done = await runtime.timed(command.type, () =>
      execute(runtime.store, contractDecider, stream, command, context, call, {
        ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
        codec,
        inline: async (tx, state, _version, events) => {
          const moved = (events as readonly ContractEvent[]).some((e) => MOVES_TIMERS.has(e.type));
          if (moved) await this.syncTimers(tx, call, state as ContractState, context.timeZone);
        },
      }),
    );
    if (done.state.status === 'absent') throw new Error('contract vanished');
    return { state: done.state, version: done.version, today: context.today };
  }

  /**
   * A running contract has two timers: the notice (the template's months before the end, unless sent for that
   * end already) and the end (the day after it). Moved by an amendment of the end; dropped once it stops running.
   */
  private async syncTimers(
    tx: PoolClient,
    call: CallContext,
    state: ContractState,
    timeZone: string,
  ): Promise<void> {
    if (state.status === 'absent') return;
    const { timers } = this.contracts;
    const { contractId } = state;
    if (!RUNNING.has(state.status)) {
      await timers.cancel(tx, noticeTimerId(contractId));
      await timers.cancel(tx, endTimerId(contractId));
      return;
    }
    const { endDate } = state.terms;
    const payload = { contractId, owner: call.actorId };
    if (state.noticeSentFor !== endDate)
      await timers.schedule(tx, {
        id: noticeTimerId(contractId),
        tenantId: call.tenantId,
        kind: EXPIRY_NOTICE_TIMER,
        dueAt: startOfDay(monthsBefore(endDate, state.template.expiryNoticeMonths), timeZone),
        payload,
      });
    await timers.schedule(tx, {
      id: endTimerId(contractId),
      tenantId: call.tenantId,
      kind: CONTRACT_END_TIMER,
      dueAt: startOfDay(endDate, timeZone, 1),
      payload,
    });
  }

  /** The contract in the caller's eyes (masked for roles that may not see personal data). */
  private answer(call: CallContext, state: ContractState, version: number, today: string): ContractView {
    return seenBy(this.viewOf(state, version, today), seesPersonalData(call.roles));
  }

  private viewOf(state: ContractState, version: number, today: string): ContractView {
    if (state.status === 'absent') throw new Error('no contract');
    return contractViewOf(state, version, today);
  }
}

// Every use case with `handles` (ReviseContract, SignContract, …): request → command → `change`.
handlesUseCases(ContractHandlers, CONTRACT_USE_CASES, function (command, request, call) {
  return this.change(call, request as Versioned, command as ExistingCommand);
});
