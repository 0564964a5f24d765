import { Injectable } from '@nestjs/common';
import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { withTransaction } from '@serviceops/eventstore';
import {
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  isSealed,
  optional,
  ProblemError,
  type CallContext,
} from '@serviceops/platform';
import { dismissStaffMember, type DismissStaffMember } from '../domain/separation/dismiss-staff-member';
import { resignStaffMember, type ResignStaffMember } from '../domain/separation/resign-staff-member';
import {
  SEPARATION_USE_CASES,
  separationDecider,
  separationStreamId,
  type SeparationCommand,
  type SeparationEvent,
} from '../domain/separation/separation.decider';
import { handoverToTick, HOLDINGS_TICK_ACTOR, type Holdings } from '../domain/separation/separation.holdings';
import { HANDOVER_ITEMS, type SeparationState } from '../domain/separation/separation.state';
import { holdingsOf, lockHoldings } from '../infrastructure/holdings.read-model';

/** Where personal free text sits (PERSONAL_TEXT.staffSeparation): sealed with the staff member's own key. */
export const SEPARATION_SEALED_PATHS = sealedPathsOf(
  ['ResignationSubmitted', 'StaffMemberDismissed', 'HandoverItemTicked', 'FinalSettlementRequested'],
  PERSONAL_TEXT.staffSeparation,
);
import { armStaffRetention } from './member-erasure.handlers';
import { armStaffLeaving } from './member-leaving.handlers';
import { MemberHandlers } from './member.handlers';
import { People } from './people';
import { MemberErrorCode } from '../domain/member/member.errors';

export interface SeparationView {
  readonly staffId: string;
  readonly version: number;
  readonly status: string;
  readonly kind?: string;
  readonly reason?: string;
  readonly noticeDays?: number;
  readonly lastDay?: string;
  readonly startedAt?: string;
  readonly handover: readonly { item: string; ticked: boolean }[];
  readonly settlementRequestedAt?: string;
}

function viewOf(staffId: string, state: SeparationState, version: number): SeparationView {
  if (state.status === 'none') return { staffId, version, status: 'none', handover: [] };
  return {
    staffId,
    version,
    status: state.status,
    kind: state.kind,
    // A reason left sealed (the person's key destroyed) is not shown.
    ...optional('reason', state.reason !== undefined && isSealed(state.reason) ? undefined : state.reason),
    ...optional('noticeDays', state.noticeDays),
    lastDay: state.lastDay,
    startedAt: state.startedAt,
    handover: HANDOVER_ITEMS.map((item) => ({ item, ticked: state.ticked.includes(item) })),
    ...optional('settlementRequestedAt', state.settlementRequestedAt),
  };
}

/**
 * Resignation (with the policy's notice) or dismissal, then the handover checklist ticked by a manager or, for open
 * orders and borrowed tools, by orders' events (`system:orders`); the decider requests the final settlement with
 * the last item, never before. A use case that is the whole of its declared method (`handles`, under
 * domain/separation/) is served by `act`.
 */
@Injectable()
export class SeparationHandlers {
  constructor(
    private readonly people: People,
    private readonly members: MemberHandlers,
  ) {}

  /** A resignation, then the handover items the person holds nothing of ticked at once. */
  @HandlesUseCase(resignStaffMember)
  async resign(
    command: ResignStaffMember,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<SeparationView> {
    return this.tickWhatIsNotHeld(call, await this.act(call, command, request.expectedVersion));
  }

  /** A dismissal, then the handover items the person holds nothing of ticked at once. */
  @HandlesUseCase(dismissStaffMember)
  async dismiss(
    command: DismissStaffMember,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<SeparationView> {
    return this.tickWhatIsNotHeld(call, await this.act(call, command, request.expectedVersion));
  }

  /**
   * A separation just started (committed): the items the person holds nothing of are ticked at once. The holdings
   * are read under their lock, so an orders event being applied meanwhile is either seen here or sees this
   * separation (orders-holdings.process.ts).
   */
  private async tickWhatIsNotHeld(call: CallContext, started: SeparationView): Promise<SeparationView> {
    const { tenantId } = call;
    const holdings = await withTransaction(this.people.runtime.store.pool, async (tx) => {
      await lockHoldings(tx, tenantId, started.staffId);
      return holdingsOf(tx, tenantId, started.staffId);
    });
    return (await this.tickHeld(tenantId, started.staffId, holdings, call.correlationId)) ?? started;
  }

  /**
   * Ticks, as `system:orders`, the items the person's holdings make done and nobody ticked yet; nothing for a
   * person not separating. The decider gives nothing for an item ticked already, so a redelivered event (or a
   * manager's tick in between) adds no second tick. Answers the view after the last tick, if any.
   */
  async tickHeld(
    tenantId: string,
    staffId: string,
    holdings: Holdings,
    correlationId: string,
  ): Promise<SeparationView | undefined> {
    // Whether separating and what is ticked: nothing sealed, so the stream is folded without the person's key.
    const { state } = await this.people.runtime.store.aggregate(
      separationStreamId(tenantId, staffId),
      (s, e) => separationDecider.evolve(s, e as unknown as SeparationEvent),
      separationDecider.initialState,
    );
    if (state.status !== 'separating') return undefined;
    const call: CallContext = { tenantId, actorId: HOLDINGS_TICK_ACTOR, roles: [], correlationId };
    let view: SeparationView | undefined;
    for (const item of handoverToTick(holdings, state.ticked))
      view = await this.act(call, { type: 'TickHandoverItem', data: { staffId, item } });
    return view;
  }

  @Handles('staff.GetSeparation')
  async get({ id }: { id: string }, call: CallContext): Promise<SeparationView> {
    const { state: member } = await this.members.state(call.tenantId, id);
    if (member.status === 'absent')
      throw new ProblemError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
    const { decoded, version } = await this.people.read<SeparationEvent>(
      separationStreamId(call.tenantId, id),
      id,
      SEPARATION_SEALED_PATHS,
    );
    return viewOf(id, decoded.reduce(separationDecider.evolve, separationDecider.initialState()), version);
  }

  /**
   * One command on the staff member's separation: load → decide → append with the tenant's policy, time zone and
   * the member, arming the leave and retention timers of what it records in the same transaction. Every use case
   * with `handles` (ticking an item) is bound to it at the end of this file.
   */
  async act(
    call: CallContext,
    command: SeparationCommand,
    expectedVersion?: number,
  ): Promise<SeparationView> {
    const { runtime } = this.people;
    const { staffId } = command.data;
    const [{ state: member }, policy, timeZone] = await Promise.all([
      this.members.state(call.tenantId, staffId),
      this.people.policyOf(call.tenantId),
      this.people.timeZoneOf(call.tenantId),
    ]);
    if (member.status === 'absent')
      throw new ProblemError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
    // The staff member's key was made when they were hired.
    const codec = await this.people.forRead<SeparationEvent>(staffId, SEPARATION_SEALED_PATHS);
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        separationDecider,
        separationStreamId(call.tenantId, staffId),
        command,
        { now: new Date(), timeZone, policy: { noticeDays: policy.noticeDays }, member },
        call,
        {
          codec,
          policyVersion: policy.version,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          // A separation recorded: they leave on its last day (the leave timer). The separation complete: the
          // leaver's retention starts, their data erased when it is over.
          inline: async (tx, _state, _version, events) => {
            for (const event of events as SeparationEvent[])
              if (event.type === 'ResignationSubmitted' || event.type === 'StaffMemberDismissed')
                await armStaffLeaving(this.people, tx, {
                  tenantId: call.tenantId,
                  staffId,
                  lastDay: event.data.lastDay,
                  timeZone,
                });
              else if (event.type === 'FinalSettlementRequested')
                await armStaffRetention(this.people, tx, {
                  tenantId: call.tenantId,
                  staffId,
                  lastDay: event.data.lastDay,
                });
          },
        },
      ),
    );
    return viewOf(staffId, done.state, done.version);
  }
}

// Every use case with `handles` (TickHandoverItem): request → command → `act`.
handlesUseCases(SeparationHandlers, SEPARATION_USE_CASES, function (command, request, call) {
  return this.act(call, command as SeparationCommand, request.expectedVersion);
});
