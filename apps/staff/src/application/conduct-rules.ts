import { Injectable } from '@nestjs/common';
import { EventSourcingRuntime, execute, Handles, type CallContext } from '@serviceops/platform';
import { DEFAULT_CONDUCT_RULES, type ConductRules } from '../domain/discipline/conduct-rules';
import {
  conductRulesDecider,
  conductRulesStreamId,
  type ConductRulesChanged,
} from '../domain/discipline/conduct-rules.policy';

export interface RulesInForce {
  readonly version: number;
  readonly rules: ConductRules;
}

/**
 * The tenant's conduct rules, versioned: version 0 is the default pack from the regulations (every tenant starts
 * with it; each rule names the business lines whose pack holds it). Every decision records the version it applied.
 */
@Injectable()
export class ConductRulesPolicy {
  constructor(readonly runtime: EventSourcingRuntime) {}

  async current(tenantId: string): Promise<RulesInForce> {
    const { state } = await this.runtime.store.aggregate(
      conductRulesStreamId(tenantId),
      (s, e) => conductRulesDecider.evolve(s, e as unknown as ConductRulesChanged),
      conductRulesDecider.initialState,
    );
    return { version: state.version, rules: state.rules ?? DEFAULT_CONDUCT_RULES };
  }
}

/** The rules as the proto's ConductRules says them. */
export function conductRulesMessage({ version, rules }: RulesInForce) {
  return {
    version,
    currency: rules.currency,
    rules: rules.rules.map(({ fine, chargeableLoss, lines, ...rule }) => ({
      ...rule,
      lines: [...lines],
      chargeableLoss,
      fine:
        fine.kind === 'ladder'
          ? { kind: fine.kind, windowDays: fine.windowDays, steps: fine.steps.map((s) => ({ ...s })) }
          : { ...fine, steps: [] },
    })),
  };
}

interface RuleMessage {
  readonly id?: string;
  readonly title?: string;
  readonly source?: string;
  readonly lines?: string[];
  readonly fine?: { kind?: string; steps?: { kind?: string }[] } & Record<string, unknown>;
  readonly per?: string;
  readonly chargeableLoss?: boolean;
}

@Injectable()
export class ConductRulesQueries {
  constructor(private readonly policy: ConductRulesPolicy) {}

  @Handles('staff.GetConductRules')
  async get(_request: object, call: CallContext) {
    return conductRulesMessage(await this.policy.current(call.tenantId));
  }

  /** Replaces the tenant's rules (the whole set): the next version; decisions from now on apply it. */
  @Handles('staff.ChangeConductRules')
  async change(
    request: { currency?: string; rules?: RuleMessage[]; expectedVersion?: number },
    call: CallContext,
  ) {
    const rules = {
      currency: request.currency,
      // proto3 leaves false off the wire: an absent chargeableLoss is false.
      rules: (request.rules ?? []).map((r) => ({ ...r, chargeableLoss: r.chargeableLoss ?? false })),
    };
    const { runtime } = this.policy;
    await runtime.timed('ChangeConductRules', () =>
      execute(
        runtime.store,
        conductRulesDecider,
        conductRulesStreamId(call.tenantId),
        { type: 'ChangeConductRules', data: { rules } },
        { now: new Date() },
        call,
        request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {},
      ),
    );
    return this.get({}, call);
  }
}
