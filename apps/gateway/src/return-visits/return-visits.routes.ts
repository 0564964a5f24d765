import { HistoryView } from '../customers/customers.views';
import { resourceRoutes, route } from '../routes/mount';
import * as bodies from './return-visits.dto';
import { ListReturnVisitsQuery } from './return-visits.dto';
import {
  returnVisitPageView,
  ReturnVisitPageView,
  returnVisitView,
  ReturnVisitView,
} from './return-visits.views';

/**
 * Return visits over REST: each route is its declaration (libs/contracts) bound to these shapes. Bound here: the
 * reads; every write under /return-visits is derived (its body the `@BodyOf` class of return-visits.dto.ts, its
 * answer the visit): schedule, record, cancel. The OpenAPI tag is the path, as `resourceRoutes` takes it.
 */
export const ReturnVisitRoutes = resourceRoutes(
  'return-visits',
  { answer: ReturnVisitView, view: returnVisitView, tag: 'return visits' },
  bodies,
  [
    route({
      rpc: 'customers.ListReturnVisits',
      query: ListReturnVisitsQuery,
      answer: ReturnVisitPageView,
      view: returnVisitPageView,
    }),
    route({ rpc: 'customers.GetReturnVisit', answer: ReturnVisitView, view: returnVisitView }),
    route({ rpc: 'customers.GetReturnVisitHistory', answer: HistoryView }),
  ],
);
