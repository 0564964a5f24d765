import { deciderSpec } from '@serviceops/testing';
import { companionDecider, type CompanionCommand, type CompanionEvent } from './companion.decider';

const STAFF = '2b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const BRANCH = '4b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const S = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const now = new Date('2026-03-02T10:00:00.000Z');
const spec = (given: readonly CompanionEvent[]) => deciderSpec(companionDecider, { now }).given(given);

const onDuty = (capacity: number, branchId: string | null = null): CompanionEvent => ({
  type: 'CompanionCapacitySet',
  data: { staffId: STAFF, line: 'companion_chat', branchId, capacity, setAt: '2026-03-02T08:00:00.000Z' },
});
const assigned = (n: number): CompanionEvent => ({
  type: 'CompanionChatAssigned',
  data: { staffId: STAFF, sessionId: S(n), assignedAt: '2026-03-02T09:00:00.000Z' },
});
const released = (n: number): CompanionEvent => ({
  type: 'CompanionChatReleased',
  data: { staffId: STAFF, sessionId: S(n), releasedAt: '2026-03-02T09:30:00.000Z' },
});
const assign = (n: number, branchId: string | null = null): CompanionCommand => ({
  type: 'AssignChat',
  data: { staffId: STAFF, sessionId: S(n), line: 'companion_chat', branchId },
});

describe('a companion never gets more chats than their capacity', () => {
  it.each([
    ['capacity 1, none yet', [onDuty(1)], true],
    ['capacity 1, one in progress', [onDuty(1), assigned(1)], false],
    ['capacity 2, one in progress', [onDuty(2), assigned(1)], true],
    ['capacity 2, two in progress', [onDuty(2), assigned(1), assigned(2)], false],
    ['capacity 2, one of two ended', [onDuty(2), assigned(1), assigned(2), released(1)], true],
    ['capacity lowered under the load', [onDuty(3), assigned(1), assigned(2), onDuty(2)], false],
  ] as [string, CompanionEvent[], boolean][])('%s → assigned: %p', (_case, given, ok) => {
    const run = spec(given).when(assign(3));
    if (ok)
      run.then([
        {
          type: 'CompanionChatAssigned',
          data: { staffId: STAFF, sessionId: S(3), assignedAt: now.toISOString() },
        },
      ]);
    else run.thenThrows('ORDERS.COMPANION_AT_CAPACITY');
  });

  it.each([
    ['not on duty', [], assign(1), 'ORDERS.COMPANION_NOT_ON_DUTY'],
    ['off duty (capacity 0)', [onDuty(0)], assign(1), 'ORDERS.COMPANION_NOT_ON_DUTY'],
    ['another branch’s queue', [onDuty(2, BRANCH)], assign(1), 'ORDERS.COMPANION_WRONG_QUEUE'],
  ] as [string, CompanionEvent[], CompanionCommand, string][])(
    'refuses a companion %s',
    (_c, given, command, code) => {
      spec(given).when(command).thenThrows(code);
    },
  );

  it('assigns the same chat once', () =>
    spec([onDuty(2), assigned(1)])
      .when(assign(1))
      .then([]));

  it('releases only a chat of theirs', () =>
    spec([onDuty(1)])
      .when({ type: 'ReleaseChat', data: { staffId: STAFF, sessionId: S(1) } })
      .thenThrows('ORDERS.CHAT_NOT_ASSIGNED'));

  it.each([
    [0, true],
    [10, true],
    [11, false],
    [-1, false],
    [1.5, false],
  ])('capacity %p accepted: %p', (capacity, ok) => {
    const run = spec([]).when({
      type: 'SetCompanionCapacity',
      data: { staffId: STAFF, line: 'companion_chat', branchId: null, capacity },
    });
    if (ok)
      run.then([
        {
          type: 'CompanionCapacitySet',
          data: {
            staffId: STAFF,
            line: 'companion_chat',
            branchId: null,
            capacity,
            setAt: now.toISOString(),
          },
        },
      ]);
    else run.thenThrows('ORDERS.INVALID_CAPACITY');
  });
});
