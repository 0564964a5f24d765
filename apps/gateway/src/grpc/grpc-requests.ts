import type { ClassConstructor } from 'class-transformer';
import type { Rpc } from '../access/access.table';
import { TokenRequestDto } from '../auth/auth.dto';
import { AuditQuery } from '../analytics/analytics.dto';
import {
  ChangeCustomerContactsRequest,
  EraseCustomerRequest,
  GetByIdRequest,
  GetCustomerHistoryRequest,
  GetCustomerRequest,
  GetCustomerTimelineRequest,
  ListCustomersQuery,
  MergeCustomersRequest,
  RegisterCustomerDto,
  UpdateCustomerFileRequest,
} from '../customers/customers.dto';
import {
  AnswerInquiryRequest,
  HandOffInquiryRequest,
  ListInquiriesQuery,
  OpenInquiryDto,
} from '../inquiries/inquiries.dto';
import {
  ChangeTenantStatusRequest,
  CreateTenantDto,
  GetTenantByIdRequest,
  ListTenantsQuery,
} from '../operator/tenants.dto';
import { ChangeCustomerPolicyRequest } from '../policies/policies.dto';
import {
  CancelReturnVisitRequest,
  ListReturnVisitsQuery,
  RecordReturnVisitRequest,
  ScheduleReturnVisitDto,
} from '../return-visits/return-visits.dto';
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
 * expected versions). Methods without one take no input worth checking (empty requests: GetTenant, ListUsers,
 * GetCustomerStats, GetCustomerPolicy, GetCustomerPolicyHistory).
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
  'customers.UpdateCustomerFile': UpdateCustomerFileRequest,
  'customers.MergeCustomers': MergeCustomersRequest,
  'customers.UndoCustomerMerge': MergeCustomersRequest,
  'customers.EraseCustomer': EraseCustomerRequest,
  'customers.GetCustomerTimeline': GetCustomerTimelineRequest,
  'customers.OpenInquiry': OpenInquiryDto,
  'customers.AnswerInquiry': AnswerInquiryRequest,
  'customers.HandOffInquiry': HandOffInquiryRequest,
  'customers.GetInquiry': GetByIdRequest,
  'customers.ListInquiries': ListInquiriesQuery,
  'customers.GetInquiryHistory': GetByIdRequest,
  'customers.ScheduleReturnVisit': ScheduleReturnVisitDto,
  'customers.RecordReturnVisit': RecordReturnVisitRequest,
  'customers.CancelReturnVisit': CancelReturnVisitRequest,
  'customers.GetReturnVisit': GetByIdRequest,
  'customers.GetReturnVisitHistory': GetByIdRequest,
  'customers.ListReturnVisits': ListReturnVisitsQuery,
  'customers.ChangeCustomerPolicy': ChangeCustomerPolicyRequest,
  'analytics.ListAudit': AuditQuery,
  'tenancy.CreateTenant': CreateTenantDto,
  'tenancy.ListTenants': ListTenantsQuery,
  'tenancy.GetTenantById': GetTenantByIdRequest,
  'tenancy.DisableTenant': ChangeTenantStatusRequest,
  'tenancy.EnableTenant': ChangeTenantStatusRequest,
};

/**
 * Methods served on the public gRPC API only, without a REST route (each with the reason). Every other
 * method of the protos has a route; a test keeps it so.
 */
export const GRPC_ONLY: Readonly<Partial<Record<Rpc, string>>> = {};
