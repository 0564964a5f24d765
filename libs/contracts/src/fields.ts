import { matching, RULES, text } from '@serviceops/kernel';
import { CLAUSE_KEYS } from './contracts.vocabulary';

/**
 * The customers service's free-text fields and their rules: the gateway validates requests with these and the
 * domain decides with the same ones (see libs/kernel rules.ts for what a rule is).
 */
export const INQUIRY_FIELDS = {
  subject: text(1, 200),
  content: RULES.longText,
  answer: RULES.longText,
  needType: text(1, 200),
  place: text(1, 500),
  requirements: text(1, 5_000),
} as const;

export const RETURN_VISIT_FIELDS = {
  serviceRef: text(1, 100),
  note: text(1, 2_000),
  feedback: text(1, 5_000),
  suggestions: text(1, 5_000),
  followUpAction: text(1, 500),
  cancelReason: RULES.reason,
} as const;

/** A contract's clause texts, where each event carries them: `clauses.deposit` in an answer. */
const CONTRACT_CLAUSE_TEXT = Object.fromEntries(
  CLAUSE_KEYS.map((key) => [
    `clauses.${key}`,
    {
      ContractDrafted: `terms.clauses.${key}`,
      ContractRevised: `terms.clauses.${key}`,
      ContractSigned: `terms.clauses.${key}`,
      AmendmentProposed: `changes.clauses.${key}`,
      AmendmentSigned: `terms.clauses.${key}`,
    },
  ]),
) as unknown as Readonly<Record<`clauses.${(typeof CLAUSE_KEYS)[number]}`, Readonly<Record<string, string>>>>;

/** The orders service's free-text fields (issue 15): the gateway and the domain check the same rules. */
export const ORDER_FIELDS = {
  address: RULES.address,
  subject: text(1, 200),
  problem: RULES.longText,
  /** Why the order was cancelled (the customer's circumstances): sealed like the address and problem. */
  cancelReason: RULES.reason,
  /** Why the order was moved to another person (a person's or the customer's circumstances): sealed too. */
  reassignReason: RULES.reason,
} as const;

/**
 * Free text that can carry personal data, stated once per record: the key is where the value shows in an answer
 * (`followUp.action` is `action` inside `followUp`), the value where it sits in each event that carries it. The
 * customers service seals these with the customer's key (so an erasure makes them unreadable everywhere). An
 * answer field that shows one is marked `@Personal(PERSONAL_TEXT.…)` on its gateway view, so the gateway never keeps
 * it in an idempotent answer (a unit test requires the mark for every entry an answer shows).
 */
export const PERSONAL_TEXT = {
  inquiry: {
    subject: { InquiryReceived: 'subject' },
    content: { InquiryReceived: 'content' },
    answer: { InquiryAnswered: 'answer' },
    'need.type': { InquiryHandedOff: 'need.type' },
    'need.place': { InquiryHandedOff: 'need.place' },
    'need.requirements': { InquiryHandedOff: 'need.requirements' },
  },
  returnVisit: {
    serviceRef: { ReturnVisitScheduled: 'serviceRef' },
    note: { ReturnVisitScheduled: 'note' },
    feedback: { ReturnVisitRecorded: 'feedback' },
    suggestions: { ReturnVisitRecorded: 'suggestions' },
    'followUp.action': { ReturnVisitRecorded: 'followUp.action' },
    cancelReason: { ReturnVisitCancelled: 'reason' },
  },
  /** The staff service's: a qualification's number (names, phones and ID numbers are PERSONAL_FIELDS). */
  staffQualification: {
    'qualifications.number': { QualificationRecorded: 'number' },
    // Not in answers (the status says suspended).
    suspendedFor: { QualificationSuspended: 'reason' },
  },
  contract: {
    ...CONTRACT_CLAUSE_TEXT,
    'signatures.signer': { ContractSignatureRecorded: 'signer', AmendmentSignatureRecorded: 'signer' },
    returnReasons: { ContractReturned: 'reasons[]' },
    // Not in answers (history shows only that they were given).
    suspendedFor: { ContractSuspended: 'reason' },
    terminatedFor: { ContractTerminated: 'reason' },
    // The maintenance-duties clause, published to orders as a warranty's coverage.
    'warranty.covered': { ContractEntitlementsPublished: 'warranty.covered' },
  },
  /**
   * A quote's: the reason a customer gave for declining. Its items and payment terms are what is sold and how it is
   * paid (the contract's payment schedule, published to billing), not about the customer.
   */
  proposal: {
    // Not in answers (history shows only that one was given).
    declineReason: { ProposalDeclined: 'reason' },
  },
  order: {
    address: { RequestRegistered: 'address' },
    /** The product, vehicle or equipment as the customer named it ("my late father's Passat"): their key too. */
    subject: { RequestRegistered: 'subject' },
    problem: { RequestRegistered: 'problem' },
    cancelReason: { OrderCancelled: 'reason' },
    reassignReason: { OrderReassigned: 'reason' },
  },
  /** The staff conduct register's free text (issue 13 item 9): sealed with the staff member's own key. */
  staffConduct: {
    'violations.evidence': { ViolationRecorded: 'evidence' },
    'appeal.reason': { AppealDecided: 'reason' },
    'rewards.reason': { RewardGranted: 'reason' },
  },
  /** Staff shifts (issue 13 item 6): why a shift was cancelled may name the person's circumstances. */
  staffShift: {
    cancellation: { ShiftCancelled: 'reason' },
  },
  /** Staff leave: reasons for leave and for deciding or cancelling it (family, health). */
  staffLeave: {
    'requests.reason': { LeaveRequested: 'reason' },
    'requests.decision': { LeaveDecided: 'reason' },
    'requests.cancellation': { LeaveCancelled: 'reason' },
  },
  /** Staff recruitment: why a step rejected a candidate (interview remarks, a failed test), with their key. */
  staffCandidate: {
    'steps.reason': { RecruitmentStepRecorded: 'reason' },
  },
  /**
   * Staff separation, with the person's key: why they resigned or were dismissed, a handover tick's note. The
   * separation answer shows the reason as `reason` (marked personal on its view, so a kept answer leaves it out).
   */
  staffSeparation: {
    separationReason: { ResignationSubmitted: 'reason', StaffMemberDismissed: 'reason' },
    handoverNote: { HandoverItemTicked: 'note' },
  },
  /** A training session's topic (a one-to-one coaching after a quality problem names it): the session's own key. */
  staffTraining: {
    topic: { TrainingSessionScheduled: 'topic' },
  },
  /** Orders' safety incidents: the emergency steps taken may name people and their health. */
  safetyIncident: {
    emergencySteps: { SafetyIncidentRecorded: 'emergencySteps' },
  },
  /** Orders' work orders (issue 15 items 5, 6): extra work found on the job and the end-of-job summary. */
  workOrder: {
    'extras.description': { ExtraWorkProposed: 'description' },
    endSummary: { WorkSummaryRecorded: 'summary' },
  },
} as const satisfies Record<string, Record<string, Record<string, string>>>;

/** A customer file's personal data: sealed with the customer's key in every event of their stream carrying it. */
export const CUSTOMER_FILE_SEALED = [
  'name',
  'gender',
  'birthDate',
  'phone',
  'email',
  'address',
  'idNumber',
  'notes',
  'needs[].needs',
  'needs[].preferences',
] as const;

/**
 * Personal data besides `PERSONAL_TEXT`'s free text (names, phones, ID numbers, a customer file, a candidate's
 * education), per record and event type, sealed by the service that records it with the person's key. Every string
 * field of every event is in this, in `PERSONAL_TEXT` or in `NOT_SEALED_TEXT` (with why): a unit test walks the
 * event types and requires it.
 */
export const PERSONAL_DATA_SEALED = {
  customer: {
    CustomerRegistered: CUSTOMER_FILE_SEALED,
    CustomerContactsChanged: CUSTOMER_FILE_SEALED,
    CustomerFileUpdated: CUSTOMER_FILE_SEALED,
  },
  /** A greeting's date is the customer's birthday (or another personal date). */
  greeting: { GreetingDue: ['on'] },
  staffMember: { StaffMemberHired: ['name', 'phone', 'idNumber'] },
  /** A candidate's education is about them (a screening criterion): sealed with their identity. */
  staffCandidate: { CandidateApplied: ['name', 'phone', 'idNumber', 'education'] },
  /**
   * A tenancy user's display name (a person's name, or a staff login's username), sealed with the user's key in
   * tenancy (`tenancy.data_keys`). The one event that carries it: a staff login and a provisioned admin register
   * with it too.
   */
  tenancyUser: { UserRegistered: ['displayName'] },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/**
 * The paths to seal in each event type of a record, from its `PERSONAL_TEXT` entry: every type listed (those that
 * carry no personal text get none), so a new event type is a decision, not an omission.
 */
export function sealedPathsOf<T extends string>(
  types: readonly T[],
  fields: Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>,
): Record<T, readonly string[]> {
  const paths = Object.fromEntries(types.map((type) => [type, [] as string[]])) as Record<T, string[]>;
  for (const where of Object.values(fields))
    for (const [type, path] of Object.entries(where)) {
      if (path === undefined) continue;
      const list = paths[type as T] as string[] | undefined;
      if (!list) throw new Error(`personal text in ${type}, which is not one of ${types.join(', ')}`);
      list.push(path);
    }
  return paths;
}

const PAYMENT_SCHEDULE = text(1, 500);

/** The contracts service's free-text fields: the gateway validates requests with these, the domain decides with them. */
export const CONTRACT_FIELDS = {
  /** A clause's text; a blank one counts as missing. */
  clause: text(0, 10_000),
  itemDescription: text(1, 200),
  paymentSchedule: PAYMENT_SCHEDULE,
  /** A proposal's payment terms: they become its contract's payment schedule on acceptance, so the same rule. */
  paymentTerms: PAYMENT_SCHEDULE,
  templateTitle: text(1, 200),
  signer: RULES.name,
  reason: RULES.reason,
} as const;

/**
 * The staff service's people fields (postings, candidates, qualifications, separation): the gateway validates
 * requests with these and the domain decides with the same ones.
 */
export const STAFF_PEOPLE_FIELDS = {
  postingTitle: text(1, 200),
  ratingAspect: text(1, 100),
  /** A qualification's kind: the two the seeds name, or a tenant's own (lower case, digits, underscores). */
  qualificationKind: matching(
    /^[a-z][a-z0-9_]{1,39}$/,
    'must be 2–40 of a-z, 0-9 and _, starting with a letter (driving_licence, service_qualification, …)',
    { maxLength: 40 },
  ),
  qualificationNumber: text(1, 100),
  loginUsername: RULES.username,
} as const;

/**
 * The orders service's resource fields (issue 15 items 2, 4, 7): names, log notes and rental findings are about
 * the equipment, never a person (so not sealed); the gateway and the domain check the same rules.
 */
export const RESOURCE_FIELDS = {
  name: text(1, 200),
  note: text(1, 2_000),
  findingItem: text(1, 200),
} as const;

/**
 * Companion chat's bounds (orders, issue 15 item 8): a policy's sample share in percent and its score range stay
 * within 0–100; a companion takes at most `capacityMax` chats at once. The gateway's schema and the domain read
 * these.
 */
export const CHAT_LIMITS = { percentMax: 100, scoreMax: 100, capacityMax: 10 } as const;

/** Orders' safety incidents: the emergency steps taken, free text (sealed, PERSONAL_TEXT.safetyIncident). */
export const INCIDENT_FIELDS = {
  emergencySteps: RULES.longText,
} as const;

/**
 * Orders' work orders (issue 15 items 1, 5, 6): the gateway validates requests with these and the domain decides
 * with the same ones. The signature is the signed service voucher's reference (no free text: a name would be
 * personal data on the published `OrderCompleted`).
 */
export const WORK_ORDER_FIELDS = {
  quoteItem: text(1, 200),
  extraWork: text(1, 2_000),
  summary: RULES.longText,
  partId: matching(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must be a part number: 1–64 of A-Z, a-z, 0-9, . _ -, starting with a letter or digit',
    { maxLength: 64 },
  ),
  signature: matching(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    'must be the signed voucher’s reference: 1–128 of A-Z, a-z, 0-9, . _ : -',
    { maxLength: 128 },
  ),
  /** The receipt given to the customer for an item taken back to the workshop. */
  receipt: matching(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/,
    'must be the receipt’s number: 1–64 of A-Z, a-z, 0-9, . _ : -',
    { maxLength: 64 },
  ),
} as const;
