import { DEFAULT_CONDUCT_RULES, type ConductRules } from './conduct-rules';
import { conductRulesDecider, conductRulesStreamId } from './conduct-rules.decider';
import { validateConductRules } from './conduct-rules.policy';

const now = new Date('2026-03-02T01:00:00.000Z');
const small: ConductRules = {
  currency: 'CNY',
  rules: [
    {
      id: 'late-to-meeting',
      title: 'Late to the pre-shift meeting',
      source: 'handbook 3.1',
      lines: ['driving_practice'],
      fine: { kind: 'fixed', amount: 1000 },
      per: 'occurrence',
      chargeableLoss: false,
    },
  ],
};
/** `small` with its one rule's fields replaced. */
const withRule = (over: Record<string, unknown>): unknown => ({
  ...small,
  rules: [{ ...small.rules[0], ...over }],
});

describe('the tenant’s conduct rules, versioned', () => {
  it('accepts the default pack as it is', () => {
    expect(validateConductRules(structuredClone(DEFAULT_CONDUCT_RULES))).toEqual(DEFAULT_CONDUCT_RULES);
  });

  it('numbers each change after the last, and records nothing for the rules in force', () => {
    const first = conductRulesDecider.decide(
      { type: 'ChangeConductRules', data: { rules: small } },
      conductRulesDecider.initialState(),
      { now },
    );
    expect(first).toEqual([
      { type: 'ConductRulesChanged', data: { version: 1, rules: small, changedAt: now.toISOString() } },
    ]);
    const state = first.reduce(conductRulesDecider.evolve, conductRulesDecider.initialState());
    expect(state).toEqual({ version: 1, rules: small });
    expect(
      conductRulesDecider.decide({ type: 'ChangeConductRules', data: { rules: small } }, state, { now }),
    ).toEqual([]);
    const second = conductRulesDecider.decide(
      { type: 'ChangeConductRules', data: { rules: DEFAULT_CONDUCT_RULES } },
      state,
      { now },
    );
    expect(second[0]?.data.version).toBe(2);
  });

  it.each<[string, unknown]>([
    ['a range', withRule({ fine: { kind: 'range', min: 500, max: 2000 } })],
    ['a price', withRule({ fine: { kind: 'price' } })],
    [
      'a ladder',
      withRule({
        fine: {
          kind: 'ladder',
          windowDays: 1,
          steps: [
            { kind: 'fixed', amount: 1 },
            { kind: 'daily_pay', numerator: 1, denominator: 2 },
          ],
        },
      }),
    ],
    [
      'a ladder over ten years',
      withRule({ fine: { kind: 'ladder', windowDays: 3650, steps: [{ kind: 'fixed', amount: 1 }] } }),
    ],
    ['a fine per order', withRule({ per: 'order' })],
    ['a fine of 1 000 000 CNY', withRule({ fine: { kind: 'fixed', amount: 100_000_000 } })],
  ])('accepts %s', (_why, rules) => {
    expect(() => validateConductRules(rules)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['no currency', { rules: small.rules }, 'currency'],
    ['no rules', { currency: 'CNY', rules: [] }, 'rules'],
    ['an id with capitals', withRule({ id: 'Late' }), 'rules[0].id'],
    ['an id twice', { ...small, rules: [small.rules[0], small.rules[0]] }, 'rules[1].id'],
    ['no title', withRule({ title: ' ' }), 'rules[0].title'],
    ['no source', withRule({ source: undefined }), 'rules[0].source'],
    ['no lines', withRule({ lines: [] }), 'rules[0].lines'],
    ['an unknown line', withRule({ lines: ['bakery'] }), 'rules[0].lines'],
    ['an unknown unit', withRule({ per: 'hour' }), 'rules[0].per'],
    ['a chargeable loss as text', withRule({ chargeableLoss: 'no' }), 'rules[0].chargeableLoss'],
    ['an unknown kind of fine', withRule({ fine: { kind: 'lottery' } }), 'rules[0].fine.kind'],
    ['a fixed fine of 0', withRule({ fine: { kind: 'fixed', amount: 0 } }), 'rules[0].fine.amount'],
    ['a fixed fine in fractions', withRule({ fine: { kind: 'fixed', amount: 5.5 } }), 'rules[0].fine.amount'],
    [
      'a fine over the most',
      withRule({ fine: { kind: 'fixed', amount: 100_000_001 } }),
      'rules[0].fine.amount',
    ],
    ['a range upside down', withRule({ fine: { kind: 'range', min: 2000, max: 500 } }), 'rules[0].fine.max'],
    ['an empty range', withRule({ fine: { kind: 'range', min: 500, max: 500 } }), 'rules[0].fine.max'],
    [
      'a ladder without steps',
      withRule({ fine: { kind: 'ladder', windowDays: 30, steps: [] } }),
      'rules[0].fine.steps',
    ],
    [
      'a ladder without a window',
      withRule({ fine: { kind: 'ladder', windowDays: 0, steps: [{ kind: 'fixed', amount: 1 }] } }),
      'rules[0].fine.windowDays',
    ],
    [
      'a window over ten years',
      withRule({ fine: { kind: 'ladder', windowDays: 3651, steps: [{ kind: 'fixed', amount: 1 }] } }),
      'rules[0].fine.windowDays',
    ],
    [
      'a step of no kind',
      withRule({ fine: { kind: 'ladder', windowDays: 30, steps: [{ kind: 'hug' }] } }),
      'rules[0].fine.steps[0].kind',
    ],
    [
      'a share over 100',
      withRule({
        fine: {
          kind: 'ladder',
          windowDays: 30,
          steps: [{ kind: 'daily_pay', numerator: 101, denominator: 1 }],
        },
      }),
      'rules[0].fine.steps[0].numerator',
    ],
    [
      'a share over 0',
      withRule({
        fine: {
          kind: 'ladder',
          windowDays: 30,
          steps: [{ kind: 'daily_pay', numerator: 1, denominator: 0 }],
        },
      }),
      'rules[0].fine.steps[0].denominator',
    ],
  ])('refuses %s, naming the field', (_why, rules, field) => {
    expect(() => validateConductRules(rules)).toThrow(
      expect.objectContaining({ code: 'STAFF.CONDUCT_RULES_REFUSED', details: { field } }) as Error,
    );
  });

  it('keeps one stream per tenant', () => {
    expect(conductRulesStreamId('t1')).toBe('conduct-rules-t1-t1');
  });
});
