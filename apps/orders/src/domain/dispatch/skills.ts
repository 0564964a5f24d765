import type { Role } from '@serviceops/contracts';
import type { RequestKind } from '../order/order.commands';

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

/** The reason a person is out for a kind (in the candidates' reasons and the refusal's details). */
export const notSkilledFor = (kind: string): string => `not_skilled_for:${kind}`;

export interface SkillVerdict {
  readonly skilled: boolean;
  readonly reasons: readonly string[];
}

/**
 * Whether a person hired as `role` may take a request of `kind` under the table. A person whose hire orders never
 * saw (`role` undefined: staff's StaffMemberHired not on record) is not judged on skill, as a person without
 * shifts is not judged on a schedule (docs/decisions.md); a kind the table does not name is nobody's.
 */
export function skilledFor(kind: string, role: Role | undefined, skills: SkillTable): SkillVerdict {
  if (role === undefined) return { skilled: true, reasons: [] };
  const roles: readonly Role[] | undefined = (skills as Readonly<Record<string, readonly Role[]>>)[kind];
  return roles?.includes(role)
    ? { skilled: true, reasons: [] }
    : { skilled: false, reasons: [notSkilledFor(kind)] };
}
