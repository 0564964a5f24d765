import { overlaps } from '../booking/booking.decider';
import type { Slot } from '../order/order.commands';
import { type AvailabilityInterval, availabilityAt } from './availability';
import { type EligibilityChange, eligibilityAt } from './eligibility';
import { type SkillTable, skilledFor } from './skills';
import type { Role } from '@serviceops/contracts';

/** The reason a person is out for a slot they are already booked in. */
export const BOOKED = 'booked';

export interface StaffFacts {
  readonly staffId: string;
  readonly eligibility: readonly EligibilityChange[];
  /** Slots the person is already booked for. */
  readonly booked: readonly Slot[];
  /** Open orders assigned to the person (the load). */
  readonly load: number;
  /** Working slots and leave, from staff's availability events (none: no schedule on record). */
  readonly availability?: readonly AvailabilityInterval[];
  /** The role staff hired the person into (StaffMemberHired); undefined when orders never saw the hire. */
  readonly role?: Role;
}

/** What the order needs of a person: skilled for its kind under the tenant's table. */
export interface Need {
  readonly kind: string;
  readonly skills: SkillTable;
}

export interface Candidate {
  readonly staffId: string;
  readonly inRunning: boolean;
  /**
   * Why the person is out (eligibility's reasons such as 'expired', then 'not_skilled_for:<kind>', then
   * 'not_working' / 'on_leave', then 'booked' for an overlapping booking), or 'least_loaded' / 'load:<n>' for those in.
   */
  readonly reasons: readonly string[];
  readonly load: number;
}

/**
 * Everyone, ranked: those in (eligible at the slot's start, skilled for the order's kind, working and not on
 * leave in it, not booked in it) first by load, then id; those out after, each with the reasons it is out.
 */
export function rankCandidates(staff: readonly StaffFacts[], slot: Slot, need?: Need): Candidate[] {
  const start = new Date(slot.start);
  const all = staff.map((s): Candidate => {
    const verdict = eligibilityAt(s.eligibility, start);
    const skill = need ? skilledFor(need.kind, s.role, need.skills).reasons : [];
    const reasons = [...verdict.reasons, ...skill, ...availabilityAt(s.availability ?? [], slot).reasons];
    if (s.booked.some((b) => overlaps(b, slot))) reasons.push(BOOKED);
    return { staffId: s.staffId, inRunning: reasons.length === 0, reasons, load: s.load };
  });
  const byLoad = (a: Candidate, b: Candidate) => a.load - b.load || a.staffId.localeCompare(b.staffId);
  const ins = all.filter((c) => c.inRunning).sort(byLoad);
  const outs = all.filter((c) => !c.inRunning).sort(byLoad);
  const least = ins[0]?.load;
  return [
    ...ins.map((c) => ({ ...c, reasons: [c.load === least ? 'least_loaded' : `load:${c.load}`] })),
    ...outs,
  ];
}
