import { overlaps } from '../booking/booking.decider';
import type { Slot } from '../order/order.state';
import { type AvailabilityInterval, availabilityAt } from './availability';
import { type EligibilityChange, eligibilityAt } from './eligibility';
import { type SkillTable, skilledBy, skilledFor } from './skills';
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
  /** The request kinds staff recorded them skilled for (StaffSkillsSet); none: their role decides. */
  readonly skills?: readonly string[];
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
   * Why the person is out (eligibility's reasons such as 'expired', then 'not_in_skill_list:<kind>' (their own
   * list lacks it) or 'not_skilled_for:<kind>' (their role's), then 'not_working' / 'on_leave', then 'booked' for
   * an overlapping booking); for those in, 'least_loaded' / 'load:<n>', then 'skilled_by:list' or
   * 'skilled_by:role' (what made them skilled for the kind; none when neither is on record).
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
  const all = staff.map((s): Candidate & { readonly basis: readonly string[] } => {
    const verdict = eligibilityAt(s.eligibility, start);
    const skill = need ? skilledFor(need.kind, s.role, need.skills, s.skills) : undefined;
    const reasons = [
      ...verdict.reasons,
      ...(skill?.reasons ?? []),
      ...availabilityAt(s.availability ?? [], slot).reasons,
    ];
    if (s.booked.some((b) => overlaps(b, slot))) reasons.push(BOOKED);
    const basis = skill?.by === undefined ? [] : [skilledBy(skill.by)];
    return { staffId: s.staffId, inRunning: reasons.length === 0, reasons, load: s.load, basis };
  });
  const byLoad = (a: Candidate, b: Candidate) => a.load - b.load || a.staffId.localeCompare(b.staffId);
  const ins = all.filter((c) => c.inRunning).sort(byLoad);
  const outs = all.filter((c) => !c.inRunning).sort(byLoad);
  const least = ins[0]?.load;
  return [
    ...ins.map(({ basis, ...c }) => ({
      ...c,
      reasons: [c.load === least ? 'least_loaded' : `load:${c.load}`, ...basis],
    })),
    ...outs.map(({ basis: _basis, ...c }) => c),
  ];
}
