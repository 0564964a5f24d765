import { Injectable } from '@nestjs/common';
import { RENEWAL_FOLLOW_UP_MANAGERS, seesPersonalData } from '@serviceops/contracts';
import {
  execute,
  executeTogether,
  HandlesUseCase,
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
import { closeRenewalFollowUp, type CloseRenewalFollowUp } from '../domain/contract/close-renewal-follow-up';
import type { Contract, ContractState } from '../domain/contract/contract.state';
import { draftContract, type DraftContract } from '../domain/contract/draft-contract';
import { renewContract, type RenewContract } from '../domain/contract/renew-contract';
import { monthsBefore, renewalTerms } from '../domain/terms/terms';
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

/** What a request carries beside its command: the If-Match version, when the caller sent one. */
interface IfMatch {
  readonly expectedVersion?: number;
}

/**
 * The contract's commands: load the stream, decide, append (`execute`), answer the contract with its new version.
 * Signing and amending set the expiry timers in the same transaction as the events (restart-safe); the timers'
 * handlers are `notice` and `end`. Every declared method's request becomes its command by the use case's `handles`
 * (in its file under domain/contract/). One that is the whole of its method is served by `change`, bound at the end
 * of this file; the methods here (`@HandlesUseCase`) are those that do more (the customer's key, two streams, the
 * caller's roles, another answer).
 */
@Injectable()
export class ContractHandlers {
  constructor(private readonly contracts: ContractStore) {}

  /** A new contract: the customer's id checked and their data key made (refused once erased) before it is decided. */
  @HandlesUseCase(draftContract)
  async draft(command: DraftContract, _request: object, call: CallContext): Promise<ContractView> {
    const { contractId, kind, customerId } = command.data;
    uuidField(customerId, 'customerId');
    const template = await this.contracts.template(call.tenantId, kind);
    const codec = await this.contracts.codecFor(customerId, true);
    const context = await this.contracts.context(call.tenantId);
    const { runtime } = this.contracts;
    const done = await runtime.timed('DraftContract', () =>
      execute(
        runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, contractId),
        command,
        { ...context, template: this.contracts.templateRef(template) },
        call,
        { newStream: true, codec },
      ),
    );
    return this.answer(call, done.state, done.version, context.today);
  }

  /**
   * Renewal: this contract is marked renewed and its successor (the command's `successorId`) drafted (same kind,
   * customer, items and clauses, from the day after the end for a term as long, under the template in force), in
   * one transaction.
   */
  @HandlesUseCase(renewContract)
  async renew(
    command: RenewContract,
    { expectedVersion }: IfMatch,
    call: CallContext,
  ): Promise<ContractView> {
    const { runtime } = this.contracts;
    const { contractId, successorId } = command.data;
    const { state } = await this.contracts.load(call.tenantId, contractId);
    const template = this.contracts.templateRef(await this.contracts.template(call.tenantId, state.kind));
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
          part(contractStreamId(call.tenantId, contractId), expectedVersion),
          part(contractStreamId(call.tenantId, successorId)),
        ],
        ([first, successor]) => {
          const renewed = contractDecider.decide(command, first ?? contractDecider.initialState(), context);
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
                predecessorId: contractId,
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

  /**
   * Its owner, or a manager (RENEWAL_FOLLOW_UP_MANAGERS), closes the open renewal follow-up with an outcome;
   * answered with the follow-up. Whether the caller is a manager is their roles' (the call's), so it is set here.
   */
  @HandlesUseCase(closeRenewalFollowUp)
  async closeFollowUp(
    command: CloseRenewalFollowUp,
    { expectedVersion }: IfMatch,
    call: CallContext,
  ): Promise<RenewalFollowUpView> {
    const managers: readonly string[] = RENEWAL_FOLLOW_UP_MANAGERS;
    const asManager = call.roles.some((role) => managers.includes(role));
    const { state, version } = await this.decideOn(
      call,
      { ...command, data: { ...command.data, asManager } },
      expectedVersion,
    );
    if (!state.renewalFollowUp) throw new Error('the follow-up closed is gone');
    return renewalFollowUpViewOf(state.contractId, version, state.renewalFollowUp);
  }

  /** The expiry notice's timer: the notice and the renewal follow-up's owner, once per end date. */
  async notice(timer: DueTimer): Promise<void> {
    const { contractId, owner } = timer.payload as { contractId: string; owner?: string };
    const followUpOwner = owner ?? 'system';
    await this.change(systemCall(timer.tenantId, 'expiry-notice', timer.id), {
      type: 'SendExpiryNotice',
      data: { contractId, followUpOwner },
    });
  }

  /** The end's timer: not renewed by the end → expired (nothing for one renewed, terminated or moved on). */
  async end(timer: DueTimer): Promise<void> {
    const { contractId } = timer.payload as { contractId: string };
    await this.change(systemCall(timer.tenantId, 'contract-end', timer.id), {
      type: 'ExpireContract',
      data: { contractId },
    });
  }

  /** A change to one contract: load → decide → append, the timers moved in step; the contract as the caller sees it. */
  async change(call: CallContext, command: ExistingCommand, expectedVersion?: number): Promise<ContractView> {
    const { state, version, today } = await this.decideOn(call, command, expectedVersion);
    return this.answer(call, state, version, today);
  }

  /**
   * Load → decide → append on the contract the command names, at the If-Match version when one is given (the
   * timers moved in the same transaction); the contract after, its version.
   */
  private async decideOn(
    call: CallContext,
    command: ExistingCommand,
    expectedVersion?: number,
  ): Promise<{ state: Contract; version: number; today: string }> {
    const { runtime } = this.contracts;
    const { contractId } = command.data;
    const context = await this.contracts.context(call.tenantId);
    const stream = contractStreamId(call.tenantId, contractId);
    const codec = await this.contracts.codecOf(call.tenantId, contractId);
    const done = await runtime.timed(command.type, () =>
      execute(runtime.store, contractDecider, stream, command, context, call, {
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
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

// Every other use case with `handles` (ReviseContract, SignContract, AmendContract…): request → command → `change`.
handlesUseCases(ContractHandlers, CONTRACT_USE_CASES, function (command, request, call) {
  return this.change(call, command as ExistingCommand, request.expectedVersion);
});
