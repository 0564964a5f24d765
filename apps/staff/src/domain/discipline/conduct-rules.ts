import type { BusinessLine } from '@serviceops/contracts';

/**
 * A tenant's conduct rules (DOMAIN.md staff; issue 13 item 4). Amounts are integer minor units (fen) of the rules'
 * currency. Each default rule cites the clause of the regulations it comes from: `seeds/001_ed3e06f1a40ab183.txt`
 * (the after-sales / restaurant regulations), section and item, with the line of that file.
 */
export type LadderStep =
  | { readonly kind: 'fixed'; readonly amount: number }
  /** A share of the person's daily pay: half a day is 1/2, a full day 1/1. */
  | { readonly kind: 'daily_pay'; readonly numerator: number; readonly denominator: number };

export type FineTerm =
  /** Always this amount (times the quantity, for rules per order or per area). */
  | { readonly kind: 'fixed'; readonly amount: number }
  /** The approver picks an amount within [min, max]; outside is refused. */
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  /** The price of the thing lost (a special tool), stated by the approver. */
  | { readonly kind: 'price' }
  /** Repeats of the rule within `windowDays` climb the steps; past the last, the last applies again. */
  | { readonly kind: 'ladder'; readonly windowDays: number; readonly steps: readonly LadderStep[] };

/** What one fine counts: each occurrence, or each order / area involved (quantity > 1 allowed). */
export type FineUnit = 'occurrence' | 'order' | 'area';

export interface ConductRule {
  /** Stable kebab-case id the register refers to. */
  readonly id: string;
  readonly title: string;
  /** Where the rule comes from (the regulation's clause). */
  readonly source: string;
  /** The business lines whose default pack holds the rule. */
  readonly lines: readonly BusinessLine[];
  readonly fine: FineTerm;
  readonly per: FineUnit;
  /** A loss the person caused may be charged to them on top of the fine. */
  readonly chargeableLoss: boolean;
}

export interface ConductRules {
  readonly currency: string;
  readonly rules: readonly ConductRule[];
}

const SEED = 'seeds/001_ed3e06f1a40ab183.txt';
const ALL_LINES: readonly BusinessLine[] = [
  'driving_practice',
  'after_sales_repair',
  'companion_chat',
  'equipment_rental',
];
const AFTER_SALES: readonly BusinessLine[] = ['after_sales_repair'];
const CNY = (yuan: number): number => yuan * 100;

/** Repeats within this many days climb the generic ladder ("within the period"). */
export const DEFAULT_LADDER_WINDOW_DAYS = 30;

/** Front-line conduct (floor, service desk, workshop): every line's pack. */
const FRONT_LINE: readonly ConductRule[] = [
  {
    id: 'dress-and-grooming',
    title: 'Uniform, grooming and manners before customers',
    source: `${SEED} 一、10 (line 12): 5 CNY the first time, half a day the second, a full day the third`,
    lines: ALL_LINES,
    fine: {
      kind: 'ladder',
      windowDays: DEFAULT_LADDER_WINDOW_DAYS,
      steps: [
        { kind: 'fixed', amount: CNY(5) },
        { kind: 'daily_pay', numerator: 1, denominator: 2 },
        { kind: 'daily_pay', numerator: 1, denominator: 1 },
      ],
    },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'hygiene',
    title: 'Personal and area hygiene',
    source: `${SEED} 二、8 (line 26): 5–20 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(5), max: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'resting-in-work-area',
    title: 'Resting or lounging in the work area',
    source: `${SEED} 三、2 (line 30): 10–20 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(10), max: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'greeting-customers-and-superiors',
    title: 'Not greeting customers and superiors',
    source: `${SEED} 三、3 (line 31): 5–20 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(5), max: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'welcoming-and-seeing-off',
    title: 'Not welcoming, thanking or seeing off customers',
    source: `${SEED} 三、4 (line 32): 5–20 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(5), max: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'arguing-with-customer',
    title: 'Arguing with a customer (the loss it caused is chargeable)',
    source: `${SEED} 三、5 (line 33): 20–200 CNY, the loss borne by the person`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(20), max: CNY(200) },
    per: 'occurrence',
    chargeableLoss: true,
  },
  {
    id: 'lost-property-not-handed-in',
    title: 'Customer property found and not handed in',
    source: `${SEED} 三、6 (line 34): 20–200 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(20), max: CNY(200) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'leaving-post-without-cover',
    title: 'Leaving a post without cover',
    source: `${SEED} 三、7 (line 35): 20 CNY each time`,
    lines: ALL_LINES,
    fine: { kind: 'fixed', amount: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'running-or-shouting',
    title: 'Running or shouting on the floor',
    source: `${SEED} 三、8 (line 36): 5–10 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(5), max: CNY(10) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'missed-meeting-or-training',
    title: 'Missing the pre-shift meeting or a training',
    source: `${SEED} 三、10 (line 38): 5 CNY each time`,
    lines: ALL_LINES,
    fine: { kind: 'fixed', amount: CNY(5) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'arguing-with-superior-in-public',
    title: 'Arguing with a superior in public',
    source: `${SEED} 三、11 (line 39): 50–100 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(50), max: CNY(100) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'eating-on-duty',
    title: 'Eating on duty, or the company’s or customers’ food',
    source: `${SEED} 三、12 (line 40): 50–200 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(50), max: CNY(200) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'unfamiliar-with-offer',
    title: 'Not knowing the offer, to a customer’s displeasure (first time)',
    source: `${SEED} 三、13 (line 41): 5–50 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(5), max: CNY(50) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'under-recording-orders',
    title: 'Under-recording what a customer ordered',
    source: `${SEED} 三、14 (line 42): 50–100 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(50), max: CNY(100) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'taking-company-property',
    title: 'Taking or using company property privately',
    source: `${SEED} 四、1 (line 44): 50–100 CNY each time`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(50), max: CNY(100) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'equipment-left-on',
    title: 'Air conditioning, lights or fans left on after use',
    source: `${SEED} 四、2 (line 45): 5–20 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(5), max: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'equipment-left-on-at-closing',
    title: 'Equipment left on in an area at closing',
    source: `${SEED} 四、5 (line 48): 20 CNY per area each time, the loss borne by the person`,
    lines: ALL_LINES,
    fine: { kind: 'fixed', amount: CNY(20) },
    per: 'area',
    chargeableLoss: true,
  },
  {
    id: 'spoiled-food-served',
    title: 'Spoiled food served',
    source: `${SEED} 五、3 (line 56): 50–100 CNY`,
    lines: ALL_LINES,
    fine: { kind: 'range', min: CNY(50), max: CNY(100) },
    per: 'occurrence',
    chargeableLoss: false,
  },
];

/** The after-sales regulation (一般维修板块): the repair line's pack on top of front-line conduct. */
const REPAIR: readonly ConductRule[] = [
  {
    id: 'hiding-complaint',
    title: 'A complaint not resolved and hidden from superiors',
    source: `${SEED} 一般维修板块 4 (line 65): 20 CNY each time`,
    lines: AFTER_SALES,
    fine: { kind: 'fixed', amount: CNY(20) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'discount-beyond-authority',
    title: 'A discount beyond authority without report',
    source: `${SEED} 一般维修板块 5 (line 66): 20 CNY per order`,
    lines: AFTER_SALES,
    fine: { kind: 'fixed', amount: CNY(20) },
    per: 'order',
    chargeableLoss: false,
  },
  {
    id: 'accident-repair-under-margin',
    title: 'An accident repair under 30 % margin without a reason',
    source: `${SEED} 一般维修板块 6 (line 67): 50 CNY per order`,
    lines: AFTER_SALES,
    fine: { kind: 'fixed', amount: CNY(50) },
    per: 'order',
    chargeableLoss: false,
  },
  {
    id: 'accident-quote-unsigned',
    title: 'Parts ordered on an accident quote without the signature',
    source: `${SEED} 仓库 3 (line 84): 30 CNY each time`,
    lines: AFTER_SALES,
    fine: { kind: 'fixed', amount: CNY(30) },
    per: 'occurrence',
    chargeableLoss: false,
  },
  {
    id: 'special-tool-not-returned',
    title: 'A special tool not returned (and lost)',
    source: `${SEED} 仓库 5 (line 86): the tool’s original price`,
    lines: AFTER_SALES,
    fine: { kind: 'price' },
    per: 'occurrence',
    chargeableLoss: false,
  },
];

/** Version 0 of every tenant's conduct rules: the regulations' pack (each rule names its lines). */
export const DEFAULT_CONDUCT_RULES: ConductRules = { currency: 'CNY', rules: [...FRONT_LINE, ...REPAIR] };

/** The default pack of one business line. */
export function defaultRulePack(line: BusinessLine): readonly ConductRule[] {
  return DEFAULT_CONDUCT_RULES.rules.filter((rule) => rule.lines.includes(line));
}

export function ruleById(rules: ConductRules, ruleId: string): ConductRule | undefined {
  return rules.rules.find((rule) => rule.id === ruleId);
}
