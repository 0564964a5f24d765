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

// What a command on a resource may answer: the resource unknown; a record against an order: the order unknown,
// closed or cancelled, or of another kind.
const ON_RESOURCE = ['ORDERS.RESOURCE_NOT_FOUND'] as const;
const PAPERS = [
  ...ON_RESOURCE,
  'ORDERS.INVALID_RESOURCE',
  'ORDERS.NO_PAPERS',
  'ORDERS.VALID_TO_IN_PAST',
] as const;
const AGAINST_ORDER = [
  ...ON_RESOURCE,
  'ORDERS.ORDER_NOT_FOUND',
  'ORDERS.ORDER_CLOSED',
  'ORDERS.ORDER_CANCELLED',
] as const;
const ON_LEASE = [
  ...AGAINST_ORDER,
  'ORDERS.WRONG_ORDER_KIND',
  'ORDERS.NOT_RENTED',
  'ORDERS.NOT_RENTED_TO_CUSTOMER',
  'ORDERS.INVALID_RESOURCE',
] as const;

/** Resources, the tool register, preparation checklists and rentals (issue 15 items 2, 4, 7). */
export const ORDERS_RESOURCES_API = {
  RegisterResource: {
    http: { method: 'POST', path: 'resources', status: 201, etag: true, location: true },
    access: RESOURCE_KEEPERS,
    errors: [
      'ORDERS.INVALID_RESOURCE',
      'ORDERS.NO_PAPERS',
      'ORDERS.TOOL_PRICE_REQUIRED',
      'ORDERS.VALID_TO_IN_PAST',
    ],
    summary:
      'Register a practice vehicle, rental equipment unit or special tool (a tool with its price); reminders 30 days before its inspection or insurance ends',
  },
  GetResource: {
    http: { method: 'GET', path: 'resources/:id', status: 200, uuidParams: ['id'], etag: true },
    access: ORDER_READERS,
    errors: ON_RESOURCE,
    summary: 'A resource with its maintenance log, now or as it was at `asOf`',
  },
  ListResources: {
    http: { method: 'GET', path: 'resources', status: 200 },
    access: ORDER_READERS,
    errors: [],
    summary: 'Resources by kind, state, or papers ending before a day; newest first, a page at a time',
  },
  GetResourceHistory: {
    http: { method: 'GET', path: 'resources/:id/history', status: 200, uuidParams: ['id'] },
    access: ORDER_READERS,
    errors: ON_RESOURCE,
    summary: 'What happened to a resource: who, when, on whose behalf, which fields',
  },
  ChangeResourceState: {
    http: onResource('change-state'),
    access: RESOURCE_KEEPERS,
    errors: [
      ...ON_RESOURCE,
      'ORDERS.RESOURCE_RETIRED',
      'ORDERS.TOOL_NOT_AVAILABLE',
      'ORDERS.INVALID_RESOURCE',
    ],
    summary: 'Make a resource available, put it in maintenance or retire it (retired stays retired)',
  },
  UpdateResourcePapers: {
    http: onResource('papers'),
    access: RESOURCE_KEEPERS,
    errors: [...PAPERS, 'ORDERS.RESOURCE_RETIRED', 'ORDERS.PAPERS_NOT_NAMED'],
    summary: 'Renew the inspection or insurance: the new last day in force moves the 30-day reminder',
  },
  RecordMaintenance: {
    http: onResource('maintenance'),
    access: RESOURCE_KEEPERS,
    errors: [...ON_RESOURCE, 'ORDERS.RESOURCE_RETIRED', 'ORDERS.INVALID_RESOURCE'],
    summary: 'Add a maintenance log entry; `repaired` makes a resource that failed its check fit again',
  },
  LendTool: {
    http: onResource('lend'),
    access: RESOURCE_KEEPERS,
    errors: [
      ...ON_RESOURCE,
      'ORDERS.NOT_A_TOOL',
      'ORDERS.TOOL_NOT_AVAILABLE',
      'ORDERS.INVALID_RESOURCE',
      'ORDERS.DUE_BACK_IN_PAST',
    ],
    summary: 'Lend a special tool against the register to a staff member until a day (overdue the day after)',
  },
  ReturnTool: {
    http: onResource('return'),
    access: RESOURCE_KEEPERS,
    errors: [...ON_RESOURCE, 'ORDERS.TOOL_NOT_LENT'],
    summary: 'Take a lent tool back (late when after its due day)',
  },
  ReportToolLost: {
    http: onResource('report-lost'),
    access: RESOURCE_KEEPERS,
    errors: [...ON_RESOURCE, 'ORDERS.TOOL_NOT_LENT'],
    summary: 'A lent tool is lost: charged to its borrower at its price (published for billing and staff)',
  },
  RecordPreparationCheck: {
    http: onResource('preparation-checks'),
    access: RESOURCE_CHECKERS,
    errors: [
      ...AGAINST_ORDER,
      'ORDERS.NO_PREPARATION_CHECK',
      'ORDERS.RESOURCE_RETIRED',
      'ORDERS.CHECKLIST_INCOMPLETE',
    ],
    summary:
      'The checklist before an order starts (vehicle safety check; equipment cleaned and tested): a failed item makes the resource unfit until repaired',
  },
  DeliverRental: {
    http: onResource('rental-delivery'),
    access: RESOURCE_CHECKERS,
    errors: [
      ...AGAINST_ORDER,
      'ORDERS.WRONG_ORDER_KIND',
      'ORDERS.NOT_RENTAL_EQUIPMENT',
      'ORDERS.RESOURCE_UNFIT',
      'ORDERS.CHECKLIST_INCOMPLETE',
      'ORDERS.DELIVERY_CHECK_FAILED',
      'ORDERS.DELIVERY_NOT_SIGNED',
    ],
    summary:
      'Deliver a rental unit on its rental_delivery order: the delivery list checked and signed by both sides',
  },
  RecordRentalVisit: {
    http: onResource('rental-visits'),
    access: RESOURCE_CHECKERS,
    errors: ON_LEASE,
    summary: 'Record a scheduled maintenance visit to a rented unit (its rental_visit order)',
  },
  InspectRentalReturn: {
    http: onResource('rental-return'),
    access: RESOURCE_CHECKERS,
    errors: [...ON_LEASE, 'ORDERS.DAMAGE_WITHOUT_FINDINGS'],
    summary:
      'Inspect a returned rental unit (its rental_return order): the damage assessed is published for the final settlement',
  },
  ListMaintenanceVisits: {
    http: { method: 'GET', path: 'maintenance-visits', status: 200 },
    access: ORDER_READERS,
    errors: [],
    summary:
      'Leases’ scheduled maintenance visits (from each contract’s latest version): due, overdue (past its day in your calendar) or done by a recorded rental visit; by contract, status, due before a day; soonest first, a page at a time',
  },
} as const satisfies Record<string, Declaration>;
