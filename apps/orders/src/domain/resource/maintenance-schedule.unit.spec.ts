import { MAINTENANCE_VISIT_STATUSES } from '@serviceops/contracts';
import {
  maintenanceVisitStatus,
  maintenanceVisitStatusBounds,
  type ScheduledVisit,
} from './maintenance-schedule';

// A lease's scheduled maintenance visit (issue 15 item 7) is due until its day has passed in the tenant's
// calendar, overdue after, done once a recorded visit matched it; the list's filter states the same rule.

const today = '2026-06-15';

describe('a scheduled maintenance visit’s status', () => {
  it.each<[string, ScheduledVisit, string]>([
    ['not done, due later: due', { dueOn: '2026-07-01', done: false }, 'due'],
    ['not done, due today: still due (overdue only from tomorrow)', { dueOn: today, done: false }, 'due'],
    ['not done, due yesterday: overdue', { dueOn: '2026-06-14', done: false }, 'overdue'],
    ['not done, due last year: overdue', { dueOn: '2025-12-31', done: false }, 'overdue'],
    ['done before its day: done', { dueOn: '2026-07-01', done: true }, 'done'],
    ['done after its day: done, never overdue', { dueOn: '2026-01-01', done: true }, 'done'],
  ])('%s', (_why, visit, expected) => {
    expect(maintenanceVisitStatus(visit, today)).toBe(expected);
  });

  it('moves from due to overdue as the tenant’s day passes', () => {
    const visit = { dueOn: '2026-06-15', done: false };
    expect(maintenanceVisitStatus(visit, '2026-06-15')).toBe('due');
    expect(maintenanceVisitStatus(visit, '2026-06-16')).toBe('overdue');
  });
});

describe('the list’s filter by status', () => {
  const inBounds = (visit: ScheduledVisit, b: ReturnType<typeof maintenanceVisitStatusBounds>) =>
    visit.done === b.done &&
    (b.dueBefore === undefined || visit.dueOn < b.dueBefore) &&
    (b.dueFrom === undefined || visit.dueOn >= b.dueFrom);
  const visits: ScheduledVisit[] = ['2026-06-13', '2026-06-14', today, '2026-06-16', '2027-01-01'].flatMap(
    (dueOn) => [
      { dueOn, done: false },
      { dueOn, done: true },
    ],
  );

  it.each(MAINTENANCE_VISIT_STATUSES)('selects exactly the visits whose status is %s', (status) => {
    const bounds = maintenanceVisitStatusBounds(status, today);
    for (const visit of visits)
      expect([visit, inBounds(visit, bounds)]).toEqual([
        visit,
        maintenanceVisitStatus(visit, today) === status,
      ]);
  });
});
