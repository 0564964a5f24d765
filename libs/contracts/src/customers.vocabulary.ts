/**
 * The customers service's words for return visits and inquiries' sales needs, stated once: the domain decides with
 * these lists and the gateway states them as enums in OpenAPI.
 */

/** Why a return visit (回访) is made: after a service, every N days (the policy's timer), or when asked. */
export const RETURN_VISIT_REASONS = ['after_service', 'periodic', 'on_demand'] as const;
export type ReturnVisitReason = (typeof RETURN_VISIT_REASONS)[number];
/** The reasons a person schedules a visit for: periodic ones only the policy's timer makes. */
export const SCHEDULED_RETURN_VISIT_REASONS = [
  'after_service',
  'on_demand',
] as const satisfies readonly ReturnVisitReason[];

export const RETURN_VISIT_STATUSES = ['scheduled', 'done', 'cancelled'] as const;
export type ReturnVisitStatus = (typeof RETURN_VISIT_STATUSES)[number];

export const RETURN_VISIT_OUTCOMES = ['reached', 'unreachable', 'declined'] as const;
export type ReturnVisitOutcome = (typeof RETURN_VISIT_OUTCOMES)[number];

export const SATISFACTION_LEVELS = [
  'very_satisfied',
  'satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** What a sales need handed off from an inquiry is for. */
export const NEED_KINDS = ['equipment', 'service'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
