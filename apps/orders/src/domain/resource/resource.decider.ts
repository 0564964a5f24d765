import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { deliverRental } from './deliver-rental';
import { inspectRentalReturn } from './inspect-rental-return';
import { lendTool } from './lend-tool';
import { markToolOverdue } from './mark-tool-overdue';
import { recordMaintenance } from './record-maintenance';
import { recordPreparationCheck } from './record-preparation-check';
import { recordRentalVisit } from './record-rental-visit';
import { registerResource } from './register-resource';
import { remindExpiry } from './remind-expiry';
import { reportToolLost } from './report-tool-lost';
import { initialResourceState, type ResourceContext, type ResourceStateT } from './resource.state';
import { returnTool } from './return-tool';
import { setResourceState } from './set-resource-state';
import { updateResourcePapers } from './update-resource-papers';

export { ResourceErrorCode } from './resource.errors';
export { dispatchable, remindersDue } from './resource.rules';
export * from './resource.state';

/**
 * A resource: the list of its use cases, a file each beside this one (command, decision, the events it records and
 * how they change the state). A new command is its file and its line here; the unions below, the decider and the
 * service's generic handler (application/resources.handlers.ts) follow from the list.
 */
export const RESOURCE_USE_CASES = [
  registerResource,
  setResourceState,
  lendTool,
  returnTool,
  markToolOverdue,
  reportToolLost,
  updateResourcePapers,
  recordMaintenance,
  remindExpiry,
  recordPreparationCheck,
  deliverRental,
  recordRentalVisit,
  inspectRentalReturn,
] as const;

export type ResourceCommand = CommandOf<typeof RESOURCE_USE_CASES>;
export type ResourceEvent = EventOf<typeof RESOURCE_USE_CASES>;

export const resourceDecider = deciderOf<typeof RESOURCE_USE_CASES, ResourceStateT, ResourceContext>(
  initialResourceState,
  RESOURCE_USE_CASES,
);

export function resourceStreamId(tenantId: string, resourceId: string): string {
  return streamId('resource', tenantId, resourceId);
}
