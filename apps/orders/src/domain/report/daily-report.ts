import type { BusinessCalendar } from '@serviceops/kernel';
import { arrivalSla, type SlaFacts, type SlaState } from '../order/order.sla';

/**
 * Daily reports (issue 15 item 10): each technician's completed work by kind with its hours, the supervisor's
 * roll-up of everyone's, and the jobs that will miss (or missed) their arrival time, from the SLA as the
 * calendar counts it.
 */

/** A completed order (OrderCompleted), with its kind from the order's registration. */
export interface WorkDone {
  readonly orderId: string;
  readonly staffId: string;
  readonly kind: string;
  readonly hours: number;
  readonly durationMinutes: number;
}

export interface KindLine {
  readonly kind: string;
  readonly orders: number;
  readonly hours: number;
}

export interface StaffLine {
  readonly staffId: string;
  readonly orders: number;
  readonly hours: number;
  readonly byKind: readonly KindLine[];
}

/** An order not completed yet, as the SLA needs it, and who it went to. */
export interface OpenOrder extends SlaFacts {
  readonly staffId?: string;
  readonly kind: string;
}

export interface AtRisk {
  readonly orderId: string;
  readonly staffId?: string;
  readonly kind: string;
  readonly slaState: SlaState;
  readonly arrivalDueAt: string;
}

/** Hours are summed in hundredths, so 0.1 + 0.2 is 0.3 and not 0.30000000000000004. */
const addHours = (a: number, b: number): number => Math.round(a * 100 + b * 100) / 100;

/** Work by kind: a line per kind, kinds in alphabetical order. */
export function byKind(work: readonly WorkDone[]): KindLine[] {
  const lines = new Map<string, { orders: number; hours: number }>();
  for (const w of work) {
    const line = lines.get(w.kind) ?? { orders: 0, hours: 0 };
    lines.set(w.kind, { orders: line.orders + 1, hours: addHours(line.hours, w.hours) });
  }
  return [...lines.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, line]) => ({ kind, ...line }));
}

/** One line per person (by id), each with their work by kind. */
export function byStaff(work: readonly WorkDone[]): StaffLine[] {
  const people = new Map<string, WorkDone[]>();
  for (const w of work) people.set(w.staffId, [...(people.get(w.staffId) ?? []), w]);
  return [...people.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([staffId, done]) => ({
      staffId,
      orders: done.length,
      hours: done.reduce((sum, w) => addHours(sum, w.hours), 0),
      byKind: byKind(done),
    }));
}

export const totalHours = (work: readonly WorkDone[]): number =>
  work.reduce((sum, w) => addHours(sum, w.hours), 0);

/**
 * The open orders that will miss their time at `at` (at risk: within the warning hour; missed: past it), the
 * most urgent first (earliest deadline, then id).
 */
export function atRisk(open: readonly OpenOrder[], calendar: BusinessCalendar, at: Date): AtRisk[] {
  return open
    .map((o) => ({ o, sla: arrivalSla(o, calendar, at) }))
    .filter(({ sla }) => sla.state === 'at_risk' || sla.state === 'missed')
    .sort((a, b) => a.sla.dueAt.localeCompare(b.sla.dueAt) || a.o.orderId.localeCompare(b.o.orderId))
    .map(({ o, sla }) => ({
      orderId: o.orderId,
      ...(o.staffId ? { staffId: o.staffId } : {}),
      kind: o.kind,
      slaState: sla.state,
      arrivalDueAt: sla.dueAt,
    }));
}
