import type { ContractEntitlementsPublishedV1 } from '@serviceops/contracts';
import type { BusinessCalendar } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type {
  StaffEligibilityChangedV1,
  StaffMemberHiredV1,
  StaffRoleChangedV1,
  StaffSkillsSetV1,
} from '@serviceops/contracts';
import {
  keepCalendar,
  keepEligibility,
  keepEntitlement,
  keepStaffRole,
  keepStaffSkills,
} from '../infrastructure/order-facts.repository';
import { keepMaintenanceSchedule } from '../infrastructure/maintenance-visits.repository';

export const CALENDARS_CONSUMER = 'orders-tenant-calendars';
export const ELIGIBILITY_CONSUMER = 'orders-staff-eligibility';
export const ENTITLEMENTS_CONSUMER = 'orders-contract-entitlements';

/** Tenancy's `TenantCreated` / `BusinessCalendarSet` → the tenant's calendar (SLA deadlines are counted in it). */
export async function calendarsProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || (event.type !== 'TenantCreated' && event.type !== 'BusinessCalendarSet')) return;
  const { calendar } = event.data as { calendar: BusinessCalendar };
  await keepCalendar(tx, tenantId, calendar);
}

/**
 * Staff's `StaffEligibilityChanged` → the person's eligibility from `since` on; `StaffMemberHired` → the role the
 * person was hired into (what they are skilled for, dispatch/skills), `StaffRoleChanged` → the role they have
 * since, `StaffSkillsSet` → the request kinds staff recorded them skilled for (over the role's default when it
 * names any); each kept by their staff stream's version, so a redelivered or older one changes nothing. The
 * fields read, as the staff service declares them (libs/contracts/src/events/staff-people.events.ts).
 */
export async function eligibilityProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (tenantId && event.type === 'StaffMemberHired') {
    const hired = event.data as StaffMemberHiredV1;
    await keepStaffRole(tx, tenantId, hired.staffId, hired.role, event.streamVersion);
    return;
  }
  if (tenantId && event.type === 'StaffRoleChanged') {
    const changed = event.data as StaffRoleChangedV1;
    await keepStaffRole(tx, tenantId, changed.staffId, changed.to, event.streamVersion);
    return;
  }
  if (tenantId && event.type === 'StaffSkillsSet') {
    const set = event.data as StaffSkillsSetV1;
    await keepStaffSkills(tx, tenantId, set.staffId, set.kinds, event.streamVersion);
    return;
  }
  if (!tenantId || event.type !== 'StaffEligibilityChanged') return;
  const d = event.data as StaffEligibilityChangedV1;
  await keepEligibility(tx, tenantId, {
    staffId: d.staffId,
    eligible: d.eligible,
    reasons: d.reasons.map((r) => ({
      reason: r.reason,
      ...(r.qualificationId ? { qualificationId: r.qualificationId } : {}),
      ...(r.kind ? { kind: r.kind } : {}),
    })),
    since: d.since,
  });
}

/**
 * Contracts' `ContractEntitlementsPublished` → what the customer is entitled to under the contract's latest version,
 * and the maintenance visits due under it (maintenance-visits.repository.ts).
 * The fields read, as the contracts service declares them (libs/contracts/src/events/contracts.events.ts,
 * ContractEntitlementsPublishedV1).
 */
export async function entitlementsProjection(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId || event.type !== 'ContractEntitlementsPublished') return;
  const published = event.data as ContractEntitlementsPublishedV1;
  await keepEntitlement(tx, tenantId, published);
  // The lease's maintenance visits due under that version, in the same transaction (after it: its version guard).
  await keepMaintenanceSchedule(tx, tenantId, published);
}
