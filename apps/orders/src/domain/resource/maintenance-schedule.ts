import { MAINTENANCE_VISIT_STATUSES } from '@serviceops/contracts';

/** due, overdue or done (libs/contracts states them once). */
export type MaintenanceVisitStatus = (typeof MAINTENANCE_VISIT_STATUSES)[number];

/** A lease's scheduled visit as orders keeps it: its local due day, and whether a recorded visit matched it. */
export interface ScheduledVisit {
  readonly dueOn: string;
  readonly done: boolean;
}

/**
 * A scheduled visit's status on `today` (the tenant's local day): done once a visit matched it; else overdue when
 * its due day is past, due until then. Counted at read time, never stored: a day passing makes a visit overdue.
 */
export function maintenanceVisitStatus(visit: ScheduledVisit, today: string): MaintenanceVisitStatus {
  if (visit.done) return 'done';
  return visit.dueOn < today ? 'overdue' : 'due';
}

/**
 * The visits of one status on `today`, as bounds on what is kept (done or not, the due day): what a list filters
 * by. The same rule as maintenanceVisitStatus, stated as a filter (a unit test holds the two together).
 */
export function maintenanceVisitStatusBounds(
  status: MaintenanceVisitStatus,
  today: string,
): { readonly done: boolean; readonly dueBefore?: string; readonly dueFrom?: string } {
  switch (status) {
    case 'done':
      return { done: true };
    case 'overdue':
      return { done: false, dueBefore: today };
    case 'due':
      return { done: false, dueFrom: today };
  }
}
