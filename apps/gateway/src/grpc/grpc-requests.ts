import type { ClassConstructor } from 'class-transformer';
import type { Rpc } from '../access/access.table';
import { AnalyticsRoutes } from '../analytics/analytics.routes';
import { ActivationRequestDto, LogoutRequestDto, RefreshRequestDto, TokenRequestDto } from '../auth/auth.dto';
import { CustomerRoutes } from '../customers/customers.routes';
import { InquiryRoutes } from '../inquiries/inquiries.routes';
import { TenantRoutes } from '../operator/tenants.routes';
import { PolicyRoutes } from '../policies/policies.routes';
import { ReturnVisitRoutes } from '../return-visits/return-visits.routes';
import { grpcRequestClassOf } from '../routes/mount';
import { TenancyRoutes } from '../tenancy/tenancy.routes';
import { OrderRoutes } from '../orders/orders.routes';
import { StaffRoutes } from '../staff/staff.routes';
import { DisciplineRoutes } from '../staff-discipline/staff-discipline.routes';
import { TrainingSessionRoutes } from '../training-sessions/training-sessions.routes';
import { StaffAssessmentRoutes } from '../staff-assessments/staff-assessments.routes';
import { StaffAttendanceRoutes } from '../staff-attendance/staff-attendance.routes';
import { ContractRoutes, ContractTemplateRoutes, ProposalRoutes } from '../contracts/contracts.routes';
import { ResourceRoutes } from '../resources/resources.routes';
import { OrdersFieldRoutes } from '../orders-field/orders-field.routes';
import { WorkOrderRoutes } from '../orders/orders-work.routes';
import { MaintenanceVisitRoutes } from '../maintenance-visits/maintenance-visits.routes';

/**
 * Every REST route mounted from a declaration: the gateway serves these controllers, and their bindings give the
 * public gRPC API its request classes (so the list lives here, where both meet).
 */
export const DECLARED_ROUTES = [
  TenancyRoutes,
  OrderRoutes,
  CustomerRoutes,
  InquiryRoutes,
  ReturnVisitRoutes,
  PolicyRoutes,
  AnalyticsRoutes,
  TenantRoutes,
  StaffRoutes,
  DisciplineRoutes,
  TrainingSessionRoutes,
  StaffAssessmentRoutes,
  StaffAttendanceRoutes,
  ContractRoutes,
  ContractTemplateRoutes,
  ProposalRoutes,
  ResourceRoutes,
  OrdersFieldRoutes,
  WorkOrderRoutes,
  MaintenanceVisitRoutes,
];

/** Methods without a binding (their REST controller is written by hand), with the class they are checked by. */
const UNBOUND: Readonly<Partial<Record<Rpc, ClassConstructor<object>>>> = {
  'tenancy.Authenticate': TokenRequestDto,
  'tenancy.ActivateUser': ActivationRequestDto,
  'tenancy.RefreshAccessToken': RefreshRequestDto,
  'tenancy.Logout': LogoutRequestDto,
};

/**
 * The class a public gRPC request is validated with: the same as the REST route's (its binding's body or query
 * class, plus the path's ids and `expectedVersion`; see grpcRequestClassOf), so the two APIs refuse alike.
 */
export function grpcRequestDtoOf(rpc: Rpc): ClassConstructor<object> | undefined {
  return UNBOUND[rpc] ?? grpcRequestClassOf(rpc);
}

/**
 * Methods served on the public gRPC API only, without a REST route (each with the reason). Every other
 * method of the protos has a route; a test keeps it so.
 */
export const GRPC_ONLY: Readonly<Partial<Record<Rpc, string>>> = {};
