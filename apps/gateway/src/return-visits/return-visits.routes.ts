import { HistoryView } from '../customers/customers.views';
import { controllerOf, route } from '../routes/mount';
import {
  CancelReturnVisitDto,
  ListReturnVisitsQuery,
  RecordReturnVisitDto,
  ScheduleReturnVisitDto,
} from './return-visits.dto';
import {
  returnVisitPageView,
  ReturnVisitPageView,
  returnVisitView,
  ReturnVisitView,
} from './return-visits.views';

/** Return visits over REST: each route is its declaration (libs/contracts) bound to these shapes. */
export const ReturnVisitRoutes = controllerOf('return visits', [
  route({
    rpc: 'customers.ScheduleReturnVisit',
    body: ScheduleReturnVisitDto,
    answer: ReturnVisitView,
    view: returnVisitView,
  }),
  route({
    rpc: 'customers.ListReturnVisits',
    query: ListReturnVisitsQuery,
    answer: ReturnVisitPageView,
    view: returnVisitPageView,
  }),
  route({ rpc: 'customers.GetReturnVisit', answer: ReturnVisitView, view: returnVisitView }),
  route({ rpc: 'customers.GetReturnVisitHistory', answer: HistoryView }),
  route({
    rpc: 'customers.RecordReturnVisit',
    body: RecordReturnVisitDto,
    answer: ReturnVisitView,
    view: returnVisitView,
  }),
  route({
    rpc: 'customers.CancelReturnVisit',
    body: CancelReturnVisitDto,
    answer: ReturnVisitView,
    view: returnVisitView,
  }),
]);
