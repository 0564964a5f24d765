import { STAFF_PEOPLE_FIELDS } from '@serviceops/contracts';
import { localDateOf, RULES } from '@serviceops/kernel';
import type {
  QualificationCommand,
  QualificationContext,
  RecordQualification,
  ReverifyQualification,
  SuspendQualification,
} from './qualification.commands';
import { QualificationErrorCode as E, qualificationError } from './qualification.errors';
import { NO_QUALIFICATION, type IneligibleBecause, type QualificationEvent } from './qualification.events';
import { evolveQualifications } from './qualification.evolve';
import type { Qualification, QualificationsState } from './qualification.state';

/** The reminder goes out this many days before expiry unless the tenant's policy says otherwise (issue 13). */
export const DEFAULT_EXPIRY_REMINDER_DAYS = 30;
const DAY_MS = 86_400_000;

export function decideQualifications(
  command: QualificationCommand,
  state: QualificationsState,
  context: QualificationContext,
): readonly QualificationEvent[] {
  const events = decided(command, state, context);
  return events.length === 0 ? events : [...events, ...eligibilityChange(state, events, context.now)];
}

function decided(
  command: QualificationCommand,
  state: QualificationsState,
  context: QualificationContext,
): QualificationEvent[] {
  const at = context.now.toISOString();
  const ids = { staffId: command.data.staffId, qualificationId: command.data.qualificationId };
  switch (command.type) {
    case 'RecordQualification':
      return record(command, state, context);
    case 'SuspendQualification':
      return suspend(command, state, at);
    case 'ReinstateQualification': {
      const q = existing(state, ids.qualificationId);
      if (!q.suspended) throw qualificationError(E.NOT_SUSPENDED, 'the qualification is not suspended');
      return [{ type: 'QualificationReinstated', data: { ...ids, reinstatedAt: at } }];
    }
    case 'ReverifyQualification':
      return reverify(command, state, context);
    case 'RemindQualificationExpiry': {
      const q = state.qualifications.find((x) => x.qualificationId === ids.qualificationId);
      if (!q || q.reminded || q.expired || context.now.getTime() < Date.parse(q.remindAt)) return [];
      return [
        {
          type: 'QualificationExpiryReminderDue',
          data: { ...ids, kind: q.kind, expiresAt: q.expiresAt, remindedAt: at },
        },
      ];
    }
    case 'ExpireQualification': {
      const q = state.qualifications.find((x) => x.qualificationId === ids.qualificationId);
      if (!q || q.expired || context.now.getTime() < Date.parse(q.expiresAt)) return [];
      return [{ type: 'QualificationExpired', data: { ...ids, kind: q.kind, expiredAt: at } }];
    }
    case 'MarkReverificationOverdue': {
      const q = state.qualifications.find((x) => x.qualificationId === ids.qualificationId);
      if (!q?.reverifyBy || q.reverificationOverdue || q.expired) return [];
      if (context.now.getTime() < Date.parse(q.reverifyBy)) return [];
      return [
        {
          type: 'QualificationReverificationOverdue',
          data: { ...ids, kind: q.kind, dueAt: q.reverifyBy, markedAt: at },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function existing(state: QualificationsState, qualificationId: string): Qualification {
  const q = state.qualifications.find((x) => x.qualificationId === qualificationId);
  if (!q) throw qualificationError(E.QUALIFICATION_NOT_FOUND, 'no such qualification of this staff member');
  return q;
}

function record(
  { data }: RecordQualification,
  state: QualificationsState,
  context: QualificationContext,
): QualificationEvent[] {
  if (!context.member || context.member.status === 'absent')
    throw qualificationError(E.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
  // A leaver whose data was erased: no new number is recorded about them (it would be personal data again).
  if (context.member.status === 'erased')
    throw qualificationError(E.STAFF_MEMBER_ERASED, 'the staff member’s personal data was erased');
  const { qualificationKind, qualificationNumber } = STAFF_PEOPLE_FIELDS;
  if (!qualificationKind.accepts(data.kind))
    throw qualificationError(E.KIND_REJECTED, `kind ${qualificationKind.message}`, { field: 'kind' });
  if (!qualificationNumber.accepts(data.number))
    throw qualificationError(E.NUMBER_REJECTED, `number ${qualificationNumber.message}`, { field: 'number' });
  const number = data.number.trim();
  if (state.qualifications.some((q) => q.kind === data.kind && q.number === number))
    throw qualificationError(E.QUALIFICATION_EXISTS, 'this qualification is on record already');
  const now = context.now.getTime();
  // The tenant's calendar day: a licence issued this morning in Shanghai is issued "today" at 00:30 there.
  const today = localDateOf(context.timeZone, context.now);
  if (data.issuedOn > today)
    throw qualificationError(E.ISSUED_IN_FUTURE, 'a qualification is issued today or earlier', {
      field: 'issuedOn',
    });
  const expires = Date.parse(data.expiresAt);
  if (expires <= Date.parse(`${data.issuedOn}T00:00:00Z`))
    throw qualificationError(E.EXPIRY_NOT_AFTER_ISSUE, 'expiry comes after issue', { field: 'expiresAt' });
  if (expires <= now)
    throw qualificationError(E.ALREADY_EXPIRED, 'this qualification has expired: record a valid one', {
      field: 'expiresAt',
    });
  if (data.reverifyBy !== undefined && Date.parse(data.reverifyBy) <= now)
    throw qualificationError(E.REVERIFICATION_NOT_AHEAD, 'the next re-verification is in the future', {
      field: 'reverifyBy',
    });
  const remindAt = new Date(expires - context.policy.expiryReminderDays * DAY_MS).toISOString();
  return [
    {
      type: 'QualificationRecorded',
      data: {
        staffId: data.staffId,
        qualificationId: data.qualificationId,
        kind: data.kind,
        number,
        issuedOn: data.issuedOn,
        expiresAt: new Date(expires).toISOString(),
        ...(data.reverifyBy !== undefined ? { reverifyBy: new Date(data.reverifyBy).toISOString() } : {}),
        remindAt,
        recordedAt: context.now.toISOString(),
      },
    },
  ];
}

function suspend(
  { data }: SuspendQualification,
  state: QualificationsState,
  at: string,
): QualificationEvent[] {
  const q = existing(state, data.qualificationId);
  if (q.expired || q.suspended)
    throw qualificationError(
      E.NOT_SUSPENDABLE,
      `the qualification is ${q.expired ? 'expired' : 'suspended'} already`,
    );
  if (!RULES.reason.accepts(data.reason))
    throw qualificationError(E.REASON_REJECTED, `reason ${RULES.reason.message}`, { field: 'reason' });
  return [
    {
      type: 'QualificationSuspended',
      data: {
        staffId: data.staffId,
        qualificationId: q.qualificationId,
        reason: data.reason.trim(),
        suspendedAt: at,
      },
    },
  ];
}

function reverify(
  { data }: ReverifyQualification,
  state: QualificationsState,
  context: QualificationContext,
): QualificationEvent[] {
  const q = existing(state, data.qualificationId);
  if (q.expired) throw qualificationError(E.EXPIRED, 'an expired qualification cannot be re-verified');
  if (data.nextReverifyBy !== undefined && Date.parse(data.nextReverifyBy) <= context.now.getTime())
    throw qualificationError(E.REVERIFICATION_NOT_AHEAD, 'the next re-verification is in the future', {
      field: 'nextReverifyBy',
    });
  return [
    {
      type: 'QualificationReverified',
      data: {
        staffId: data.staffId,
        qualificationId: q.qualificationId,
        reverifiedAt: context.now.toISOString(),
        ...(data.nextReverifyBy !== undefined
          ? { reverifyBy: new Date(data.nextReverifyBy).toISOString() }
          : {}),
      },
    },
  ];
}

/**
 * Eligible: at least one qualification on record and none expired, suspended or overdue for re-verification
 * (DOMAIN.md staff: such a person cannot be assigned work).
 */
export function eligibilityOf(state: QualificationsState): {
  eligible: boolean;
  reasons: IneligibleBecause[];
} {
  if (state.qualifications.length === 0) return { eligible: false, reasons: [{ reason: NO_QUALIFICATION }] };
  const reasons: IneligibleBecause[] = [];
  for (const q of state.qualifications) {
    const why = (reason: IneligibleBecause['reason']) =>
      reasons.push({ qualificationId: q.qualificationId, kind: q.kind, reason });
    if (q.expired) why('expired');
    if (q.suspended) why('suspended');
    if (q.reverificationOverdue) why('reverification_overdue');
  }
  return { eligible: reasons.length === 0, reasons };
}

/** A StaffEligibilityChanged when the events change whether (or why not) the person is assignable. */
function eligibilityChange(
  state: QualificationsState,
  events: readonly QualificationEvent[],
  now: Date,
): QualificationEvent[] {
  const next = eligibilityOf(events.reduce(evolveQualifications, state));
  const before = state.eligibility;
  if (
    before &&
    before.eligible === next.eligible &&
    JSON.stringify(before.reasons) === JSON.stringify(next.reasons)
  )
    return [];
  const staffId = events[0]?.data.staffId ?? '';
  return [{ type: 'StaffEligibilityChanged', data: { staffId, ...next, since: now.toISOString() } }];
}

/** Whether the staff member was assignable at `at`, from the published changes (history, not the current state). */
export function eligibilityAt(
  changes: readonly { eligible: boolean; reasons: readonly IneligibleBecause[]; since: string }[],
  at: Date,
): { eligible: boolean; reasons: readonly IneligibleBecause[]; since?: string } {
  let found: { eligible: boolean; reasons: readonly IneligibleBecause[]; since?: string } = {
    eligible: false,
    reasons: [{ reason: NO_QUALIFICATION }],
  };
  for (const change of changes) if (Date.parse(change.since) <= at.getTime()) found = change;
  return found;
}
