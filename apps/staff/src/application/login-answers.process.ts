import type { StaffLoginNotCreatedV1 } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import { execute } from '@serviceops/platform';
import { memberDecider, memberStreamId } from '../domain/member/member.decider';
import { MEMBER_SEALED_PATHS, type MemberEvent } from '../domain/member/member.events';
import { People, systemCall } from './people';

export const STAFF_LOGIN_ANSWERS_CONSUMER = 'staff-login-answers';

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Tenancy's `StaffLoginNotCreated` (a hire's login request came after a user was linked to the person by hand) →
 * `StaffLoginNotCreated` on the staff member's file, so its history says why hiring made no login (the reason in
 * the entry's `reason`). Once: the inbox counts a redelivery once, and the member decider records the answer only
 * if the file has none (an append committed before its inbox row, then delivered again, adds nothing).
 */
export function staffLoginAnswersProcess(people: People) {
  return async (event: DeliveredEvent): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (!tenantId || event.type !== 'StaffLoginNotCreated') return;
    const { staffId, userId, reason, answeredAt } = event.data as Partial<StaffLoginNotCreatedV1>;
    if (!str(staffId) || !str(userId) || reason !== 'already-linked' || !str(answeredAt)) return;
    const { runtime } = people;
    const codec = await people.forRead<MemberEvent>(staffId, MEMBER_SEALED_PATHS);
    const timeZone = await people.timeZoneOf(tenantId);
    await runtime.timed('RecordStaffLoginNotCreated', () =>
      execute(
        runtime.store,
        memberDecider,
        memberStreamId(tenantId, staffId),
        { type: 'RecordStaffLoginNotCreated', data: { staffId, userId, reason, answeredAt } },
        { now: new Date(), timeZone },
        systemCall(tenantId, 'tenancy-logins', String(event.metadata.correlationId ?? event.eventId)),
        { codec, reason: `no login made at hire: ${reason} (user ${userId} was linked to them first)` },
      ),
    );
  };
}
