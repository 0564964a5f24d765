import { localDateOf, RULES } from '@serviceops/kernel';
import { SeparationErrorCode as E, separationError } from './separation.errors';
import type { SeparationContext, SeparationState } from './separation.state';

/** What the separation's use cases share: the reason's check, and how a separation starts. */

/**
 * Notice days when the tenant's policy gives none: DOMAIN.md says "N days per policy" and the seeds leave the
 * number blank ("提前[具体天数]"), so 30 (issue 13's brief) until a tenant sets its own.
 */
export const DEFAULT_NOTICE_DAYS = 30;

/** A resignation's or a dismissal's request as the proto decodes it (proto3: an unset reason absent). */
export interface SeparationRequest {
  readonly id: string;
  readonly reason?: string;
}

export function reasonOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!RULES.reason.accepts(raw))
    throw separationError(E.REASON_REJECTED, `reason ${RULES.reason.message}`, { field: 'reason' });
  return raw.trim();
}

/** A separation starts for a staff member on file with none on record yet; "today" is the tenant's day. */
export function starting(
  state: SeparationState,
  context: SeparationContext,
): { staffId: string; today: string } {
  // An erased staff member left already: their separation is on record (below).
  if (!context.member || context.member.status === 'absent')
    throw separationError(E.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
  if (state.status !== 'none')
    throw separationError(
      E.SEPARATION_EXISTS,
      `a ${state.kind} is on record already (last day ${state.lastDay})`,
    );
  return { staffId: context.member.staffId, today: localDateOf(context.timeZone, context.now) };
}
