import { PostgresEventStore } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { EventSourcingRuntime } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { staffLoginAnswersProcess } from '../src/application/login-answers.process';
import { MemberHandlers } from '../src/application/member.handlers';
import { People } from '../src/application/people';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Issue 13 item 1, the leftover: a hire's login request that reached tenancy after the person was linked to a user
// by hand is answered (tenancy's StaffLoginNotCreated); staff records it on the staff member's file, once.

const { app, tenantId, manager, hired } = staffOnOwnDatabase('staffloginanswers');

describe('a hire’s login tenancy did not make (the person was linked first)', () => {
  it('shows on the staff member’s file and history with the reason, once however often it is delivered', async () => {
    const { staffId } = await hired({ name: 'Qian Li' });
    const userId = newId();
    const tenancyLog = new PostgresEventStore({
      pool: app().get(EventSourcingRuntime).store.pool,
      schema: 'tenancy',
      groupCommit: false,
    });
    await tenancyLog.migrate();
    const stream = `tenant-${tenantId}-${tenantId}`;
    const answer = { staffId, userId, reason: 'already-linked', answeredAt: new Date().toISOString() };
    await tenancyLog.append(stream, [{ type: 'StaffLoginNotCreated', data: answer }], {
      metadata: { tenantId, actorId: 'system:staff-logins', correlationId: newId() },
    });

    const history = () => app().get(MemberHandlers).history({ id: staffId }, manager);
    const entry = await eventually('the answer on the file', async () =>
      (await history()).entries.find((e) => e.type === 'StaffLoginNotCreated'),
    );
    expect(entry).toMatchObject({
      actorId: 'system:tenancy-logins',
      reason: expect.stringContaining('already-linked') as unknown,
      fields: expect.arrayContaining(['userId', 'reason', 'answeredAt']) as unknown,
    });
    expect(entry.reason).toContain(userId);
    // And on the file itself, as a field: why no login was made, and who is their login.
    const file = await app().get(MemberHandlers).get({ id: staffId }, manager);
    expect(file.loginNotCreated).toEqual({ reason: 'already-linked', userId, answeredAt: answer.answeredAt });

    // Delivered again (the same event twice at once, then another event like it): still one entry.
    const { events } = await tenancyLog.readStream(stream);
    const delivered = { ...events[0]!, topic: 'tenancy.events.v1' } as DeliveredEvent;
    const consume = staffLoginAnswersProcess(app().get(People));
    await Promise.all([consume(delivered), consume(delivered)]);
    await tenancyLog.append(stream, [{ type: 'StaffLoginNotCreated', data: answer }], {
      metadata: { tenantId, actorId: 'system:staff-logins', correlationId: newId() },
    });
    await consume(delivered);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the consumer's own delivery of the second one
    const types = (await history()).entries.map((e) => e.type);
    expect(types.filter((t) => t === 'StaffLoginNotCreated')).toHaveLength(1);
  }, 60_000);
});
