import type { Sealed } from './customers.events';

/**
 * What the staff service publishes on `staff.events.v1` about conduct: fines, chargeable losses, their
 * cancellation on appeal, and rewards. Billing's staff settlement consumes them by type. Money is integer minor
 * units with its currency (libs/kernel money). Free text that can carry personal data (evidence, an appeal's or a
 * reward's reason: PERSONAL_TEXT.staffConduct) is sealed with the staff member's own key.
 */
export interface StaffMoneyV1 {
  readonly amount: number;
  readonly currency: string;
}

/** A violation of a conduct rule, with the fine it drew (and the loss charged to the person, if any). */
export interface ViolationRecordedV1 {
  readonly violationId: string;
  readonly staffId: string;
  readonly ruleId: string;
  /** The version of the tenant's conduct rules the decision applied (0: the default pack). */
  readonly rulesVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** The offence's rank among the rule's standing violations within the rule's window (1: the first). */
  readonly offence: number;
  /** Orders, areas or occurrences the fine counts (rules "per order", "per area"); 1 otherwise. */
  readonly quantity: number;
  readonly fine: StaffMoneyV1;
  /** A loss the person caused that is charged to them, where the rule says it is chargeable. */
  readonly loss: StaffMoneyV1 | null;
  readonly evidence: Sealed;
  readonly recordedBy: string;
  readonly approverId: string;
  /** Recorded by the service itself: a mandatory training session missed. */
  readonly trainingSessionId: string | null;
}

/** An appeal decided: an overturned violation's fine and loss are cancelled. */
export interface AppealDecidedV1 {
  readonly violationId: string;
  readonly staffId: string;
  readonly outcome: 'upheld' | 'overturned';
  readonly reason: Sealed;
  readonly decidedAt: string;
  readonly decidedBy: string;
  /** What is cancelled (overturned) or confirmed (upheld). */
  readonly fine: StaffMoneyV1;
  readonly loss: StaffMoneyV1 | null;
}

export interface RewardGrantedV1 {
  readonly rewardId: string;
  readonly staffId: string;
  readonly amount: StaffMoneyV1;
  readonly reason: Sealed;
  readonly grantedAt: string;
  readonly grantedBy: string;
}

/** What an assessment result may lead to (issue 13 item 5); the tenant's assessment policy picks them. */
export const ASSESSMENT_OUTCOMES = [
  'bonus',
  'certificate',
  'promotion_priority',
  'training_plan',
  'warning',
  'fine',
  'qualification_suspension',
  'role_change',
  'dismissal_review',
] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/**
 * What one person's assessment result leads to, per the tenant's policy: the first of a role and branch with grade A
 * gets the policy's top outcomes, grade D its failing ones. Billing, training and HR act on it by type.
 */
export interface AssessmentOutcomesDecidedV1 {
  /** 'YYYY-MM' (monthly) or 'YYYY' (yearly). */
  readonly period: string;
  /** The period's result number: a re-scoring decides again under a higher one. */
  readonly resultVersion: number;
  readonly staffId: string;
  readonly grade: string;
  readonly rank: number;
  readonly score: number;
  readonly outcomes: AssessmentOutcome[];
}

export type StaffConductPublishedEvent =
  | { readonly type: 'ViolationRecorded'; readonly data: ViolationRecordedV1 }
  | { readonly type: 'AppealDecided'; readonly data: AppealDecidedV1 }
  | { readonly type: 'RewardGranted'; readonly data: RewardGrantedV1 }
  | { readonly type: 'AssessmentOutcomesDecided'; readonly data: AssessmentOutcomesDecidedV1 };
