import { RULES, text } from '@serviceops/kernel';

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

/** The orders service's free-text fields (issue 15): the gateway and the domain check the same rules. */
export const ORDER_FIELDS = {
  address: RULES.address,
  subject: text(1, 200),
  problem: RULES.longText,
} as const;

/**
 * Free text that can carry personal data, stated once per record: the key is where the value shows in an answer
 * (`followUp.action` is `action` inside `followUp`), the value where it sits in each event that carries it. The
 * customers service seals these with the customer's key (so an erasure makes them unreadable everywhere) and the
 * gateway never keeps them in an idempotent answer.
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
  order: {
    address: { RequestRegistered: 'address' },
    problem: { RequestRegistered: 'problem' },
  },
} as const satisfies Record<string, Record<string, Record<string, string>>>;

/** Where personal free text sits in answers, every record's together: what a kept answer leaves out. */
export const PERSONAL_ANSWER_PATHS: readonly string[] = [
  ...new Set(Object.values(PERSONAL_TEXT).flatMap((fields) => Object.keys(fields))),
];

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
