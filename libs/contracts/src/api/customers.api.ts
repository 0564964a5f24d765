import { ADMIN, CUSTOMER_ERASERS, CUSTOMER_MERGERS, CUSTOMER_READERS, CUSTOMER_WRITERS } from './access';
import type { Declaration } from './declaration';

/** The customers service's methods: gRPC name → REST route, roles, summary. */
export const CUSTOMERS_API = {
  RegisterCustomer: {
    http: { method: 'POST', path: 'customers', status: 201, etag: true, location: true },
    access: CUSTOMER_WRITERS,
    summary: 'Register a customer (409 CUSTOMERS.DUPLICATE_SUSPECTED names look-alikes unless confirmed)',
  },
  ChangeCustomerContacts: {
    http: {
      method: 'POST',
      path: 'customers/:id/change-contacts',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_WRITERS,
    summary: 'Change a customer’s phone, email and/or address',
  },
  UpdateCustomerFile: {
    http: {
      method: 'POST',
      path: 'customers/:id/update-file',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_WRITERS,
    summary: 'Update the customer file: name, gender, birth date, ID number, notes, needs',
  },
  MergeCustomers: {
    http: {
      method: 'POST',
      path: 'customers/:id/merge',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_MERGERS,
    summary: 'Merge a duplicate into this customer (If-Match: this customer’s version)',
  },
  UndoCustomerMerge: {
    http: {
      method: 'POST',
      path: 'customers/:id/undo-merge',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_MERGERS,
    summary: 'Take a merged duplicate back out of this customer (If-Match: this customer’s version)',
  },
  EraseCustomer: {
    http: {
      method: 'POST',
      path: 'customers/:id/erase',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_ERASERS,
    summary: 'Erase a customer’s personal data for good (the data key is destroyed); ids and history stay',
  },
  GetCustomer: {
    http: {
      method: 'GET',
      path: 'customers/:id',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      purpose: true,
    },
    access: CUSTOMER_READERS,
    summary: 'A customer, now or as it was at `asOf`',
  },
  ListCustomers: {
    http: { method: 'GET', path: 'customers', status: 200, purpose: true },
    access: CUSTOMER_READERS,
    summary: 'List customers, newest first, a page at a time',
  },
  GetCustomerHistory: {
    http: { method: 'GET', path: 'customers/:id/history', status: 200, uuidParams: ['id'] },
    access: CUSTOMER_READERS,
    summary: 'What happened to a customer: who, when, on whose behalf, why, which fields',
  },
  GetCustomerTimeline: {
    http: { method: 'GET', path: 'customers/:id/timeline', status: 200, uuidParams: ['id'], purpose: true },
    access: CUSTOMER_READERS,
    summary: 'Everything that happened with a customer (inquiries, return visits, greetings…), newest first',
  },
  OpenInquiry: {
    http: { method: 'POST', path: 'inquiries', status: 201, etag: true, location: true },
    access: CUSTOMER_WRITERS,
    summary: 'Record a customer’s inquiry; the reply is due within the policy’s business hours',
  },
  AnswerInquiry: {
    http: {
      method: 'POST',
      path: 'inquiries/:id/answer',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_WRITERS,
    summary: 'Answer an open or overdue inquiry (late when past the reply deadline)',
  },
  HandOffInquiry: {
    http: {
      method: 'POST',
      path: 'inquiries/:id/hand-off',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_WRITERS,
    summary: 'Hand an inquiry off to sales with the equipment or service the customer needs',
  },
  GetInquiry: {
    http: {
      method: 'GET',
      path: 'inquiries/:id',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      purpose: true,
    },
    access: CUSTOMER_READERS,
    summary: 'An inquiry',
  },
  ListInquiries: {
    http: { method: 'GET', path: 'inquiries', status: 200, purpose: true },
    access: CUSTOMER_READERS,
    summary: 'List inquiries, newest first, a page at a time',
  },
  GetInquiryHistory: {
    http: { method: 'GET', path: 'inquiries/:id/history', status: 200, uuidParams: ['id'] },
    access: CUSTOMER_READERS,
    summary: 'What happened to an inquiry: who, when, on whose behalf, which fields',
  },
  ScheduleReturnVisit: {
    http: { method: 'POST', path: 'return-visits', status: 201, etag: true, location: true },
    access: CUSTOMER_WRITERS,
    summary: 'Schedule a return visit (回访) to a customer, after a service or on demand',
  },
  RecordReturnVisit: {
    http: {
      method: 'POST',
      path: 'return-visits/:id/record',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_WRITERS,
    summary: 'Record how a scheduled visit went: outcome, satisfaction, feedback, follow-up',
  },
  CancelReturnVisit: {
    http: {
      method: 'POST',
      path: 'return-visits/:id/cancel',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CUSTOMER_WRITERS,
    summary: 'Cancel a scheduled visit',
  },
  GetReturnVisit: {
    http: {
      method: 'GET',
      path: 'return-visits/:id',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      purpose: true,
    },
    access: CUSTOMER_READERS,
    summary: 'A return visit',
  },
  ListReturnVisits: {
    http: { method: 'GET', path: 'return-visits', status: 200, purpose: true },
    access: CUSTOMER_READERS,
    summary: 'List return visits, a page at a time',
  },
  GetReturnVisitHistory: {
    http: { method: 'GET', path: 'return-visits/:id/history', status: 200, uuidParams: ['id'] },
    access: CUSTOMER_READERS,
    summary: 'What happened to a return visit: who, when, on whose behalf, which fields',
  },
  GetCustomerPolicy: {
    http: { method: 'GET', path: 'policies/customers', status: 200, etag: true },
    access: CUSTOMER_READERS,
    summary: 'Your customers policy: reply deadline, return visits, greetings',
  },
  ChangeCustomerPolicy: {
    http: { method: 'PUT', path: 'policies/customers', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    summary: 'Replace the customers policy (If-Match: the policy’s version); decisions from now on apply it',
  },
  GetCustomerPolicyHistory: {
    http: { method: 'GET', path: 'policies/customers/history', status: 200 },
    access: CUSTOMER_READERS,
    summary: 'Every version of the customers policy: what it was, when and by whom it changed',
  },
} as const satisfies Record<string, Declaration>;
