import { numericAmounts as view } from '../contracts/contracts.routes';
import { HistoryView } from '../customers/customers.views';
import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './resources.dto';
import { GetResourceQuery, ListResourcesQuery } from './resources.dto';
import { ResourcePageView, ResourceView } from './resources.views';

/**
 * The orders service's resources over REST (issue 15 items 2, 4, 7): each route is its declaration (libs/contracts)
 * bound to these shapes. Bound here: the reads; every write under /resources is derived (its body the `@BodyOf`
 * class of resources.dto.ts, its answer the resource): register, state, papers, maintenance, the tool register,
 * preparation checks and rentals.
 */
export const ResourceRoutes = resourceRoutes('resources', { answer: ResourceView, view }, bodies, [
  route({ rpc: 'orders.ListResources', query: ListResourcesQuery, answer: ResourcePageView, view }),
  route({ rpc: 'orders.GetResource', query: GetResourceQuery, answer: ResourceView, view }),
  route({ rpc: 'orders.GetResourceHistory', answer: HistoryView }),
]);
