import { Injectable } from '@nestjs/common';
import {
  EventSourcingRuntime,
  execute,
  Handles,
  handlesUseCases,
  type CallContext,
} from '@serviceops/platform';
import { DEFAULT_CONDUCT_RULES, type ConductRules } from '../domain/discipline/conduct-rules';
import {
  CONDUCT_RULES_USE_CASES,
  conductRulesDecider,
  conductRulesStreamId,
  type ConductRulesChanged,
  type ConductRulesCommand,
} from '../domain/discipline/conduct-rules.decider';

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

@Injectable()
export class ConductRulesQueries {
  constructor(private readonly policy: ConductRulesPolicy) {}

  @Handles('staff.GetConductRules')
  async get(_request: object, call: CallContext) {
    return conductRulesMessage(await this.policy.current(call.tenantId));
  }

  /** A change of the tenant's rules (the whole set): the next version; answers the rules now in force. */
  async act(call: CallContext, command: ConductRulesCommand, expectedVersion?: number) {
    const { runtime } = this.policy;
    await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        conductRulesDecider,
        conductRulesStreamId(call.tenantId),
        command,
        { now: new Date() },
        call,
        expectedVersion !== undefined ? { expectedVersion } : {},
      ),
    );
    return this.get({}, call);
  }
}

// Every use case with `handles` (ChangeConductRules): request → command → `act` on the tenant's rules.
handlesUseCases(ConductRulesQueries, CONDUCT_RULES_USE_CASES, function (command, request, call) {
  return this.act(call, command as ConductRulesCommand, request.expectedVersion);
});
