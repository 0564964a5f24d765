import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@serviceops/kernel';
import { execute, Handles, optional, type CallContext } from '@serviceops/platform';
import {
  type DispatchPolicy,
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

  @Handles('orders.ChangeDispatchPolicy')
  async change(
    request: {
      expectedVersion?: number;
      autoDispatch?: boolean;
      skills?: readonly { kind?: string; roles?: readonly string[] }[];
      slotMinutes?: readonly { kind?: string; minutes?: number }[];
    },
    call: CallContext,
  ): Promise<DispatchPolicyView> {
    const { runtime } = this.orders;
    const done = await runtime.timed('ChangeDispatchPolicy', () =>
      execute(
        runtime.store,
        dispatchPolicyDecider,
        dispatchPolicyStreamId(call.tenantId),
        {
          type: 'ChangeDispatchPolicy',
          data: {
            autoDispatch: request.autoDispatch ?? false,
            skills: (request.skills ?? []).map((r) => ({ kind: r.kind ?? '', roles: r.roles ?? [] })),
            slotMinutes: (request.slotMinutes ?? []).map((r) => ({
              kind: r.kind ?? '',
              minutes: r.minutes ?? 0,
            })),
          },
        },
        { now: this.clock.now() },
        call,
        { ...optional('expectedVersion', request.expectedVersion) },
      ),
    );
    return viewOf(done.state);
  }
}
