import { controllerOf, route, type RouteInput } from '../routes/mount';
import { ChangeCustomerPolicyRequest, CustomerPolicyDto } from './policies.dto';
import {
  CustomerPolicyHistoryView,
  customerPolicyView,
  CustomerPolicyView,
  type CustomerPolicyHistoryReply,
} from './policies.views';

/**
 * Policies over REST: each route is its declaration (libs/contracts) bound to these shapes. Bound by hand, not with
 * `resourceRoutes`: /policies is shared with staff's policies (policies/assessment, policies/dispatch…), whose
 * writes `resourceRoutes('policies')` would claim, and the one customers write here differs from its gRPC request.
 */
export const PolicyRoutes = controllerOf('policies', [
  route({ rpc: 'customers.GetCustomerPolicy', answer: CustomerPolicyView, view: customerPolicyView }),
  route({
    rpc: 'customers.ChangeCustomerPolicy',
    body: CustomerPolicyDto,
    answer: CustomerPolicyView,
    grpc: ChangeCustomerPolicyRequest,
    // proto3 has no null: "no periodic visits" is an absent everyDays.
    request: ({ body, expectedVersion }: RouteInput<CustomerPolicyDto>) => ({
      ...body,
      returnVisits: { ...body.returnVisits, everyDays: body.returnVisits.everyDays ?? undefined },
      expectedVersion,
    }),
    view: customerPolicyView,
  }),
  route({
    rpc: 'customers.GetCustomerPolicyHistory',
    answer: CustomerPolicyHistoryView,
    view: (history: CustomerPolicyHistoryReply) => ({ versions: history.versions.map(customerPolicyView) }),
  }),
]);
