// The staff service's people vocabulary (issue 13 items 1, 3, 8): the domain decides with these lists and the
// gateway's schemas state them, so both agree.

/** Education levels, lowest first: a posting's criterion is the least it takes. */
export const EDUCATION_LEVELS = [
  'primary',
  'secondary',
  'vocational',
  'college',
  'bachelor',
  'master',
  'doctorate',
] as const;

/** The recruitment pipeline after the application, in order (DOMAIN.md staff): hiring comes after the exam. */
export const RECRUITMENT_STEPS = [
  'screening',
  'interview',
  'practical_test',
  'onboarding_training',
  'exam',
] as const;

export const INTERVIEW_MODES = ['online', 'on_site'] as const;
export const PRACTICAL_TESTS = ['test_drive', 'mock_chat', 'workshop_task'] as const;

/** What a leaver hands over (DOMAIN.md staff): each ticked off before the final settlement. */
export const HANDOVER_ITEMS = ['customers', 'open_orders', 'materials', 'borrowed_tools'] as const;

/** Years of driving a posting may ask for, or a candidate state: a working life's worth. */
export const MAX_DRIVING_YEARS = 60;
/** Interview ratings: 1 (poor) to 5 (excellent). */
export const RATING_RANGE = { min: 1, max: 5 } as const;
/** Practical test and exam scores. */
export const SCORE_RANGE = { min: 0, max: 100 } as const;

/**
 * What a tenant may set in its people policy: a reminder up to a year ahead (at least a day), 0–365 notice days,
 * and how long a leaver's personal data is kept after their last day: at least the two years the PRC Labour
 * Contract Law (art. 50) keeps a terminated contract for, at most ten.
 */
export const PEOPLE_POLICY_LIMITS = {
  expiryReminderDays: { min: 1, max: 365 },
  noticeDays: { min: 0, max: 365 },
  staffRetentionDays: { min: 730, max: 3650 },
} as const;
