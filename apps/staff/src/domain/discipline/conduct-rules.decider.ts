import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { changeConductRules } from './change-conduct-rules';
import { initialConductRulesState, type ConductRulesState } from './conduct-rules.policy';

export type { ChangeConductRules, ConductRulesChanged } from './change-conduct-rules';

/**
 * The tenant's conduct rules, versioned (one stream per tenant): each change the next version, the decisions after
 * it apply it. Its use cases, a file each beside this one; the unions and the decider follow from the list.
 */
export const CONDUCT_RULES_USE_CASES = [changeConductRules] as const;

export type ConductRulesCommand = CommandOf<typeof CONDUCT_RULES_USE_CASES>;
export type ConductRulesEvent = EventOf<typeof CONDUCT_RULES_USE_CASES>;

export const conductRulesDecider = deciderOf<
  typeof CONDUCT_RULES_USE_CASES,
  ConductRulesState,
  { readonly now: Date }
>(initialConductRulesState, CONDUCT_RULES_USE_CASES);

export const conductRulesStreamId = (tenantId: string): string =>
  streamId('conduct-rules', tenantId, tenantId);
