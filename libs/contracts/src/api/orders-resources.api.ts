import { ORDER_READERS, RESOURCE_CHECKERS, RESOURCE_KEEPERS } from './access';
import type { Declaration } from './declaration';

const onResource = (path: string) =>
  ({
    method: 'POST',
    path: `resources/:id/${path}`,
    status: 200,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
  }) as const;

/** Resources, the tool register, preparation checklists and rentals (issue 15 items 2, 4, 7). */
export const ORDERS_RESOURCES_API = {
  RegisterResource: {
    http: { method: 'POST', path: 'resources', status: 201, etag: true, location: true },
    access: RESOURCE_KEEPERS,
    summary:
      'Register a practice vehicle, rental equipment unit or special tool (a tool with its price); reminders 30 days before its inspection or insurance ends',
  },
  GetResource: {
    http: { method: 'GET', path: 'resources/:id', status: 200, uuidParams: ['id'], etag: true },
    access: ORDER_READERS,
    summary: 'A resource with its maintenance log, now or as it was at `asOf`',
  },
  ListResources: {
    http: { method: 'GET', path: 'resources', status: 200 },
    access: ORDER_READERS,
    summary: 'Resources by kind, state, or papers ending before a day; newest first, a page at a time',
  },
  GetResourceHistory: {
    http: { method: 'GET', path: 'resources/:id/history', status: 200, uuidParams: ['id'] },
    access: ORDER_READERS,
    summary: 'What happened to a resource: who, when, on whose behalf, which fields',
  },
  ChangeResourceState: {
    http: onResource('change-state'),
    access: RESOURCE_KEEPERS,
    summary: 'Make a resource available, put it in maintenance or retire it (retired stays retired)',
  },
  UpdateResourcePapers: {
    http: onResource('papers'),
    access: RESOURCE_KEEPERS,
    summary: 'Renew the inspection or insurance: the new last day in force moves the 30-day reminder',
  },
  RecordMaintenance: {
    http: onResource('maintenance'),
    access: RESOURCE_KEEPERS,
    summary: 'Add a maintenance log entry; `repaired` makes a resource that failed its check fit again',
  },
  LendTool: {
    http: onResource('lend'),
    access: RESOURCE_KEEPERS,
    summary: 'Lend a special tool against the register to a staff member until a day (overdue the day after)',
  },
  ReturnTool: {
    http: onResource('return'),
    access: RESOURCE_KEEPERS,
    summary: 'Take a lent tool back (late when after its due day)',
  },
  ReportToolLost: {
    http: onResource('report-lost'),
    access: RESOURCE_KEEPERS,
    summary: 'A lent tool is lost: charged to its borrower at its price (published for billing and staff)',
  },
  RecordPreparationCheck: {
    http: onResource('preparation-checks'),
    access: RESOURCE_CHECKERS,
    summary:
      'The checklist before an order starts (vehicle safety check; equipment cleaned and tested): a failed item makes the resource unfit until repaired',
  },
  DeliverRental: {
    http: onResource('rental-delivery'),
    access: RESOURCE_CHECKERS,
    summary:
      'Deliver a rental unit on its rental_delivery order: the delivery list checked and signed by both sides',
  },
  RecordRentalVisit: {
    http: onResource('rental-visits'),
    access: RESOURCE_CHECKERS,
    summary: 'Record a scheduled maintenance visit to a rented unit (its rental_visit order)',
  },
  InspectRentalReturn: {
    http: onResource('rental-return'),
    access: RESOURCE_CHECKERS,
    summary:
      'Inspect a returned rental unit (its rental_return order): the damage assessed is published for the final settlement',
  },
} as const satisfies Record<string, Declaration>;
