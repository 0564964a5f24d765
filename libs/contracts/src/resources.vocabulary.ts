/**
 * The orders service's resource vocabulary (issue 15 items 2, 4, 7), stated once: the domain decides with these
 * lists and the gateway states them as enums in OpenAPI.
 */
export const RESOURCE_KINDS = ['vehicle', 'equipment', 'tool'] as const;
export const RESOURCE_STATES = ['available', 'out', 'in_maintenance', 'retired'] as const;
/** The states a keeper sets by hand (`out` follows a loan or a rental delivery). */
export const SETTABLE_RESOURCE_STATES = ['available', 'in_maintenance', 'retired'] as const;
export const PAPERS = ['inspection', 'insurance'] as const;
/**
 * The preparation checklist before a job starts (the seeds): a vehicle's safety check, an equipment unit cleaned
 * and tested. Every item is answered; one failed makes the resource unfit until repaired.
 */
export const PREPARATION_ITEMS = {
  vehicle: ['brakes', 'lights', 'tyres', 'steering', 'seatbelts'],
  equipment: ['cleaned', 'tested'],
} as const;
/** The rental delivery list both sides sign (seeds 004 §3): exterior undamaged, performance normal, accessories complete. */
export const DELIVERY_ITEMS = ['exterior', 'performance', 'accessories'] as const;
/** What a maintenance log entry records; `repaired` makes a resource that failed its check fit again. */
export const MAINTENANCE_ACTIONS = [
  'serviced',
  'cleaned',
  'inspected',
  'parts_replaced',
  'repaired',
] as const;
/** A rental maintenance visit's work (seeds 004 §4): cleaning, lubrication, fastening, a running check, wear parts. */
export const VISIT_WORK = ['cleaned', 'lubricated', 'fastened', 'checked', 'parts_replaced'] as const;
/**
 * A lease's scheduled maintenance visit (contracts' maintenanceVisitsDue) as orders answers it: done once a rental
 * visit is recorded against it; otherwise overdue from the day after its due day (the tenant's calendar), due before.
 */
export const MAINTENANCE_VISIT_STATUSES = ['due', 'overdue', 'done'] as const;
/** Why a resource is not dispatchable on a day. */
export const UNFIT_REASONS = [
  'out',
  'in_maintenance',
  'retired',
  'inspection_expired',
  'insurance_expired',
  'failed_check',
] as const;
