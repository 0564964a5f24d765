import { matching, type StringRule } from '@serviceops/kernel';

/** A pattern with no length in it (a look-ahead would starve the fuzzer's generator): the length is checked apart. */
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// The staff service's conduct, training, assessment and attendance vocabulary: the gateway states these in
// OpenAPI and checks them (400), the domain decides with the same ones.

/** Kinds of training session (DOMAIN.md staff). */
export const TRAINING_KINDS = [
  'onboarding_company_rules',
  'onboarding_traffic_law_and_safety',
  'onboarding_service_norms',
  'onboarding_communication',
  'onboarding_emotion_management',
  'periodic',
  'monthly_safety_study',
  'mentoring',
  'quality_coaching',
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export const FINE_KINDS = ['fixed', 'range', 'price', 'ladder'] as const;
export const LADDER_STEP_KINDS = ['fixed', 'daily_pay'] as const;
/** What one fine counts: each occurrence, or each order / area involved. */
export const FINE_UNITS = ['occurrence', 'order', 'area'] as const;

/** Bounds the API states and the domain keeps. */
export const STAFF_LIMITS = {
  /** The largest fine, loss or reward, in minor units (a proto int32 holds it). */
  amount: 100_000_000,
  /** The most orders or areas one fine counts. */
  fineQuantity: 100,
  conductRules: 200,
  ladderSteps: 10,
  ladderWindowDays: 3650,
  /** The largest numerator or denominator of a share of the daily pay. */
  payShare: 100,
  trainingScore: 100,
  invitees: 200,
  kpiWeight: 1000,
  latenessThresholdMinutes: 120,
} as const;

export const STAFF_FIELDS = {
  /** A conduct rule's id: lower-case words joined by dashes, at most 100 characters. */
  conductRuleId: {
    message: 'must be a conduct rule id (lower-case words joined by dashes, at most 100 characters)',
    schema: { type: 'string', pattern: RULE_ID.source, minLength: 1, maxLength: 100 },
    accepts: (raw: string) => raw.length <= 100 && RULE_ID.test(raw),
  } satisfies StringRule,
  /** A monthly ('YYYY-MM') or yearly ('YYYY') assessment period. */
  assessmentPeriod: matching(/^(\d{4})(?:-(0[1-9]|1[0-2]))?$/, 'must be a month YYYY-MM or a year YYYY', {
    maxLength: 7,
    example: '2026-03',
  }),
  /** A staff role as a filter. */
  role: matching(/^[a-z_]{1,40}$/, 'must be a role (lower-case letters and underscores)', { maxLength: 40 }),
} as const;
