import { controllerOf, route } from '../routes/mount';
import {
  CancelOrderDto,
  CandidatesQuery,
  DispatchOrderDto,
  DispatchPolicyDto,
  DispatchQueueQuery,
  GetOrderQuery,
  ReassignOrderDto,
  RegisterRequestDto,
} from './orders.dto';
import { CandidateListView, DispatchPolicyView, DispatchQueueView, OrderView } from './orders.views';

/**
 * The orders service's orders over REST: each route is its declaration bound to these shapes. Bound by hand, not
 * with `resourceRoutes`: the work orders' writes (orders-work.routes.ts, answering a work order) share the /orders
 * prefix, which `resourceRoutes('orders', …)` would derive as the order's; the dispatch policy lives under /policies.
 */
export const OrderRoutes = controllerOf('orders', [
  route({ rpc: 'orders.RegisterRequest', body: RegisterRequestDto, answer: OrderView }),
  route({ rpc: 'orders.RespondToRequest', answer: OrderView }),
  route({ rpc: 'orders.DispatchOrder', body: DispatchOrderDto, answer: OrderView }),
  route({ rpc: 'orders.ReassignOrder', body: ReassignOrderDto, answer: OrderView }),
  route({ rpc: 'orders.CancelOrder', body: CancelOrderDto, answer: OrderView }),
  route({ rpc: 'orders.GetOrder', query: GetOrderQuery, answer: OrderView }),
  route({ rpc: 'orders.GetOrderCandidates', query: CandidatesQuery, answer: CandidateListView }),
  route({ rpc: 'orders.ListDispatchQueue', query: DispatchQueueQuery, answer: DispatchQueueView }),
  route({ rpc: 'orders.GetDispatchPolicy', answer: DispatchPolicyView }),
  route({ rpc: 'orders.ChangeDispatchPolicy', body: DispatchPolicyDto, answer: DispatchPolicyView }),
]);
