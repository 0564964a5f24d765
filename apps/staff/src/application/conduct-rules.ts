import { Injectable } from '@nestjs/common';
import { EventSourcingRuntime, Handles } from '@serviceops/platform';
import { DEFAULT_CONDUCT_RULES, type ConductRules } from '../domain/discipline/conduct-rules';

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

  // eslint-disable-next-line @typescript-eslint/require-await
  async current(_tenantId: string): Promise<RulesInForce> {
    return { version: 0, rules: DEFAULT_CONDUCT_RULES };
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
  async get(_request: object, call: { tenantId: string }) {
    return conductRulesMessage(await this.policy.current(call.tenantId));
  }
}
