import { controllerOf, route, type RouteInput } from '../routes/mount';
import {
  ChangeContactsDto,
  EraseCustomerDto,
  GetCustomerQuery,
  ListCustomersQuery,
  MergeCustomersDto,
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

/** Customers over REST: each route is its declaration (libs/contracts) bound to these shapes. */
export const CustomerRoutes = controllerOf('customers', [
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
  route({ rpc: 'customers.GetCustomer', query: GetCustomerQuery, answer: CustomerView, view: customerView }),
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
  route({
    rpc: 'customers.MergeCustomers',
    body: MergeCustomersDto,
    answer: CustomerView,
    view: customerView,
  }),
  route({
    rpc: 'customers.UndoCustomerMerge',
    body: MergeCustomersDto,
    answer: CustomerView,
    view: customerView,
  }),
  route({ rpc: 'customers.EraseCustomer', body: EraseCustomerDto, answer: CustomerView, view: customerView }),
]);
