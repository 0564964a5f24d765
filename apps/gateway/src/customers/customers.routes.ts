import { resourceRoutes, route, type RouteInput } from '../routes/mount';
import * as bodies from './customers.dto';
import {
  ChangeContactsDto,
  GetCustomerQuery,
  ListCustomersQuery,
  RegisterCustomerDto,
  UpdateCustomerFileDto,
  UpdateCustomerFileRequest,
} from './customers.dto';
import { PageQuery } from '../http/page.query';
import {
  customerPageView,
  CustomerPageView,
  customerView,
  CustomerView,
  HistoryView,
  TimelineView,
} from './customers.views';

/** proto3 strings cannot be null: an empty string is how gRPC says "remove". */
function removable(value: string | null | undefined): string | undefined {
  return value === null ? '' : value;
}

/**
 * Customers over REST: each route is its declaration (libs/contracts) bound to these shapes. Bound here: the reads
 * and the writes whose gRPC request differs from the REST body; every other write under /customers is derived (its
 * body the `@BodyOf` class of customers.dto.ts, its answer the customer): merge, undo-merge, erase.
 */
export const CustomerRoutes = resourceRoutes(
  'customers',
  { answer: CustomerView, view: customerView },
  bodies,
  [
    route({
      rpc: 'customers.RegisterCustomer',
      body: RegisterCustomerDto,
      answer: CustomerView,
      request: ({ body }: RouteInput<RegisterCustomerDto>) => ({ ...body, needs: body.needs ?? [] }),
      view: customerView,
    }),
    route({
      rpc: 'customers.ListCustomers',
      query: ListCustomersQuery,
      answer: CustomerPageView,
      view: customerPageView,
    }),
    route({
      rpc: 'customers.GetCustomer',
      query: GetCustomerQuery,
      answer: CustomerView,
      view: customerView,
    }),
    route({ rpc: 'customers.GetCustomerHistory', answer: HistoryView }),
    route({ rpc: 'customers.GetCustomerTimeline', query: PageQuery, answer: TimelineView }),
    route({
      rpc: 'customers.ChangeCustomerContacts',
      body: ChangeContactsDto,
      answer: CustomerView,
      request: ({ params, body, expectedVersion }: RouteInput<ChangeContactsDto>) => ({
        id: params['id'],
        expectedVersion,
        phone: removable(body.phone),
        email: removable(body.email),
        address: removable(body.address),
      }),
      view: customerView,
    }),
    route({
      rpc: 'customers.UpdateCustomerFile',
      body: UpdateCustomerFileDto,
      answer: CustomerView,
      grpc: UpdateCustomerFileRequest,
      request: ({ params, body, expectedVersion }: RouteInput<UpdateCustomerFileDto>) => ({
        id: params['id'],
        expectedVersion,
        name: body.name,
        gender: removable(body.gender),
        birthDate: removable(body.birthDate),
        idNumber: removable(body.idNumber),
        notes: removable(body.notes),
        // gRPC wraps the list, so that "no change" (absent) and "clear" (empty list) differ.
        needs: body.needs === undefined ? undefined : { items: body.needs },
      }),
      view: customerView,
    }),
  ],
);
