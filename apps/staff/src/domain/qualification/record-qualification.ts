import { STAFF_PEOPLE_FIELDS } from '@serviceops/contracts';
import { localDateOf, optional, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { QualificationErrorCode as E, qualificationError } from './qualification.errors';
import type { QualificationContext, QualificationsState } from './qualification.state';

const DAY_MS = 86_400_000;

export type RecordQualification = Command<
  'RecordQualification',
  {
    staffId: string;
    qualificationId: string;
    kind: string;
    number: string;
    issuedOn: string;
    expiresAt: string;
    reverifyBy?: string;
  }
>;

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

/** `number` is personal: sealed with the staff member's key in storage. */
export type QualificationRecorded = Event<
  'QualificationRecorded',
  {
    staffId: string;
    qualificationId: string;
    kind: string;
    number: string;
    issuedOn: string;
    expiresAt: string;
    /** When the periodic re-verification is due, if the kind has one. */
    reverifyBy?: string;
    /** When the reminder goes out: `expiresAt` less the tenant's reminder days (policy, default 30). */
    remindAt: string;
    recordedAt: string;
  }
>;

/** The request as the proto decodes it (proto3: unset strings absent). */
interface RecordQualificationRequest {
  readonly id: string;
  readonly kind?: string;
  readonly number?: string;
  readonly issuedOn?: string;
  readonly expiresAt?: string;
  readonly reverifyBy?: string;
}

/**
 * A qualification of a staff member on file (the context's `member`), not erased; `newId` is the qualification's.
 * Its handler looks the member up first (application/qualification.handlers.ts).
 */
export const recordQualification = useCase<
  RecordQualification,
  QualificationRecorded,
  QualificationsState,
  QualificationContext
>({
  command: 'RecordQualification',
  handles: {
    rpc: 'staff.RecordQualification',
    command: (request: RecordQualificationRequest, { newId }: Caller) => ({
      type: 'RecordQualification',
      data: {
        staffId: request.id,
        qualificationId: newId,
        kind: request.kind ?? '',
        number: request.number ?? '',
        issuedOn: request.issuedOn ?? '',
        expiresAt: request.expiresAt ?? '',
        ...optional('reverifyBy', request.reverifyBy),
      },
    }),
  },
  decide({ data }, state, context) {
    if (!context.member || context.member.status === 'absent')
      throw qualificationError(E.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
    // A leaver whose data was erased: no new number is recorded about them (it would be personal data again).
    if (context.member.status === 'erased')
      throw qualificationError(E.STAFF_MEMBER_ERASED, 'the staff member’s personal data was erased');
    const { qualificationKind, qualificationNumber } = STAFF_PEOPLE_FIELDS;
    if (!qualificationKind.accepts(data.kind))
      throw qualificationError(E.KIND_REJECTED, `kind ${qualificationKind.message}`, { field: 'kind' });
    if (!qualificationNumber.accepts(data.number))
      throw qualificationError(E.NUMBER_REJECTED, `number ${qualificationNumber.message}`, {
        field: 'number',
      });
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
  },
  evolve: {
    QualificationRecorded: (state, event) => {
      const { staffId, recordedAt: _at, ...q } = event.data;
      return {
        ...state,
        staffId,
        qualifications: [
          ...state.qualifications,
          { ...q, reminded: false, expired: false, suspended: false, reverificationOverdue: false },
        ],
      };
    },
  },
});
