import type { ClassConstructor } from 'class-transformer';
import type { Rpc } from '../access/access.table';
import { TokenRequestDto } from '../auth/auth.dto';
import { AuditQuery } from '../analytics/analytics.dto';
import {
  ChangeCustomerContactsRequest,
  GetCustomerHistoryRequest,
  GetCustomerRequest,
  ListCustomersQuery,
  RegisterCustomerDto,
} from '../customers/customers.dto';
import {
  AddBranchRequest,
  ChangeUserRolesRequest,
  DisableUserRequest,
  EnableBusinessLineRequest,
  RegisterUserDto,
  SetBusinessCalendarRequest,
} from '../tenancy/tenancy.dto';

/**
 * The DTO a public gRPC request is validated with, where the message has the REST body's shape (plus ids and
 * expected versions). Methods without one take no input worth checking (empty requests).
 */
export const GRPC_REQUEST_DTOS: Readonly<Partial<Record<Rpc, ClassConstructor<object>>>> = {
  'tenancy.Authenticate': TokenRequestDto,
  'tenancy.AddBranch': AddBranchRequest,
  'tenancy.EnableBusinessLine': EnableBusinessLineRequest,
  'tenancy.SetBusinessCalendar': SetBusinessCalendarRequest,
  'tenancy.RegisterUser': RegisterUserDto,
  'tenancy.ChangeUserRoles': ChangeUserRolesRequest,
  'tenancy.DisableUser': DisableUserRequest,
  'customers.RegisterCustomer': RegisterCustomerDto,
  'customers.ChangeCustomerContacts': ChangeCustomerContactsRequest,
  'customers.GetCustomer': GetCustomerRequest,
  'customers.ListCustomers': ListCustomersQuery,
  'customers.GetCustomerHistory': GetCustomerHistoryRequest,
  'analytics.ListAudit': AuditQuery,
};
