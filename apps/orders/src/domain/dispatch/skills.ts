import type { Role } from '@serviceops/contracts';
import type { RequestKind } from '../order/order.state';

/**
 * Who is skilled for a request kind (issue 15 item 3, "skilled for the kind"): the roles staff hired the person
 * into that may take it, per kind. Tenant policy (the dispatch policy's `skills`); the defaults follow DOMAIN.md's
 * lines: a practice session needs a coach, after-sales work and rental visits a technician, a chat a companion.
 * The qualification a role needs in force (a coach's driving licence) is staff's eligibility, judged beside this.
 */
export type SkillTable = Readonly<Record<RequestKind, readonly Role[]>>;

export const DEFAULT_SKILLS: SkillTable = {
  repair: ['technician'],
  maintenance: ['technician'],
  installation: ['technician'],
  user_training: ['technician'],
  warranty_return: ['technician'],
  practice_session: ['coach'],
  chat: ['companion'],
  rental_delivery: ['technician'],
  rental_visit: ['technician'],
  rental_return: ['technician'],
};

/** The reason a person is out for a kind under their role (in the candidates' reasons and the refusal's details). */
export const notSkilledFor = (kind: string): string => `not_skilled_for:${kind}`;

/** The reason a person is out for a kind their own skill list (staff's StaffSkillsSet) does not name. */
export const notInSkillList = (kind: string): string => `not_in_skill_list:${kind}`;

/**
 * What decided a person's skill: `list`, the request kinds staff recorded for them (StaffSkillsSet, when it names
 * any); `role`, the tenant's table for the role they hold. The candidates list says which (`skilled_by:<basis>`).
 */
export type SkillBasis = 'list' | 'role';
export const skilledBy = (basis: SkillBasis): string => `skilled_by:${basis}`;

export interface SkillVerdict {
  readonly skilled: boolean;
  readonly reasons: readonly string[];
  /** Absent when the person was not judged (neither a list nor a role on record). */
  readonly by?: SkillBasis;
}

/**
 * Whether a person may take a request of `kind`. Their own list (`listed`: the kinds staff recorded them skilled
 * for) decides when it names any kind, whatever their role; otherwise the role's default under the tenant's table
 * (an empty list is a cleared one: the role decides again). A person whose hire orders never saw and who has no
 * list (`role` undefined) is not judged on skill, as a person without shifts is not judged on a schedule
 * (docs/decisions.md); a kind the table does not name is nobody's by role.
 */
export function skilledFor(
  kind: string,
  role: Role | undefined,
  skills: SkillTable,
  listed: readonly string[] = [],
): SkillVerdict {
  if (listed.length > 0)
    return listed.includes(kind)
      ? { skilled: true, reasons: [], by: 'list' }
      : { skilled: false, reasons: [notInSkillList(kind)], by: 'list' };
  if (role === undefined) return { skilled: true, reasons: [] };
  const roles: readonly Role[] | undefined = (skills as Readonly<Record<string, readonly Role[]>>)[kind];
  return roles?.includes(role)
    ? { skilled: true, reasons: [], by: 'role' }
    : { skilled: false, reasons: [notSkilledFor(kind)], by: 'role' };
}
