import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@serviceops/kernel';
import { execute, Handles, handlesUseCases, optional, type CallContext } from '@serviceops/platform';
import {
  DISPATCH_POLICY_USE_CASES,
  type DispatchPolicy,
  type DispatchPolicyCommand,
  dispatchPolicyDecider,
  dispatchPolicyStreamId,
  type SkillRule,
  skillRulesOf,
  type SlotMinutesRule,
  slotMinutesRulesOf,
} from '../domain/dispatch/dispatch-policy.decider';
import { CLOCK, OrderStore } from './order-store';

/** The policy as the API shows it: the skill table as one row per kind. */
export interface DispatchPolicyView {
  readonly version: number;
  readonly autoDispatch: boolean;
  readonly skills: SkillRule[];
  readonly slotMinutes: SlotMinutesRule[];
}

const viewOf = (p: DispatchPolicy): DispatchPolicyView => ({
  version: p.version,
  autoDispatch: p.autoDispatch,
  skills: skillRulesOf(p.skills),
  slotMinutes: slotMinutesRulesOf(p.slotMinutes),
});

/** The tenant's dispatch policy in force (version 0, the defaults, until one is set). */
export async function dispatchPolicyOf(orders: OrderStore, tenantId: string): Promise<DispatchPolicy> {
  const { state } = await orders.runtime.store.aggregate<DispatchPolicy>(
    dispatchPolicyStreamId(tenantId),
    (s, e) => dispatchPolicyDecider.evolve(s, e as never),
    dispatchPolicyDecider.initialState,
  );
  return state;
}

/** The tenant's dispatch policy: skill per request kind, auto-dispatch on or off. */
@Injectable()
export class DispatchPolicyHandlers {
  constructor(
    private readonly orders: OrderStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Handles('orders.GetDispatchPolicy')
  async get(_request: object, call: CallContext): Promise<DispatchPolicyView> {
    return viewOf(await dispatchPolicyOf(this.orders, call.tenantId));
  }

  /** A use case that is the whole of its declared method (changing the policy): load, decide, append. */
  async change(
    command: DispatchPolicyCommand,
    expectedVersion: number | undefined,
    call: CallContext,
  ): Promise<DispatchPolicyView> {
    const { runtime } = this.orders;
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        dispatchPolicyDecider,
        dispatchPolicyStreamId(call.tenantId),
        command,
        { now: this.clock.now() },
        call,
        { ...optional('expectedVersion', expectedVersion) },
      ),
    );
    return viewOf(done.state);
  }
}

// Every use case with `handles` (ChangeDispatchPolicy): request → command → `change`.
handlesUseCases(DispatchPolicyHandlers, DISPATCH_POLICY_USE_CASES, function (command, request, call) {
  return this.change(command as DispatchPolicyCommand, request.expectedVersion, call);
});
