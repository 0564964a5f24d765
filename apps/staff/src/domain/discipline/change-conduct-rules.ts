import { useCase, type Command, type Event } from '@serviceops/kernel';
import type { ConductRules } from './conduct-rules';
import { validateConductRules, type ConductRulesState } from './conduct-rules.policy';

/** A rule as the proto's ConductRuleInput decodes it. */
interface RuleMessage {
  readonly id?: string;
  readonly title?: string;
  readonly source?: string;
  readonly lines?: string[];
  readonly fine?: { kind?: string; steps?: { kind?: string }[] } & Record<string, unknown>;
  readonly per?: string;
  readonly chargeableLoss?: boolean;
}

export type ChangeConductRules = Command<'ChangeConductRules', { readonly rules: unknown }>;

export type ConductRulesChanged = Event<
  'ConductRulesChanged',
  { version: number; rules: ConductRules; changedAt: string }
>;

/** The tenant's rules replaced (the whole set): the next version; decisions from now on apply it. */
export const changeConductRules = useCase<
  ChangeConductRules,
  ConductRulesChanged,
  ConductRulesState,
  { readonly now: Date }
>({
  command: 'ChangeConductRules',
  handles: {
    rpc: 'staff.ChangeConductRules',
    command: (request: { currency?: string; rules?: RuleMessage[] }) => ({
      type: 'ChangeConductRules',
      data: {
        rules: {
          currency: request.currency,
          // proto3 leaves false off the wire: an absent chargeableLoss is false.
          rules: (request.rules ?? []).map((r) => ({ ...r, chargeableLoss: r.chargeableLoss ?? false })),
        },
      },
    }),
  },
  decide(command, state, { now }) {
    const rules = validateConductRules(command.data.rules);
    if (state.rules !== null && JSON.stringify(state.rules) === JSON.stringify(rules)) return [];
    return [
      {
        type: 'ConductRulesChanged',
        data: { version: state.version + 1, rules, changedAt: now.toISOString() },
      },
    ];
  },
  evolve: {
    ConductRulesChanged: (_state, event) => ({ version: event.data.version, rules: event.data.rules }),
  },
});
