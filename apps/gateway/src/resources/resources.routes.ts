import { numericAmounts as view } from '../contracts/contracts.routes';
import { HistoryView } from '../customers/customers.views';
import { controllerOf, route } from '../routes/mount';
import {
  ChangeResourceStateDto,
  DeliverRentalDto,
  GetResourceQuery,
  InspectRentalReturnDto,
  LendToolDto,
  ListResourcesQuery,
  RecordMaintenanceDto,
  RecordPreparationCheckDto,
  RecordRentalVisitDto,
  RegisterResourceDto,
  UpdateResourcePapersDto,
} from './resources.dto';
import { ResourcePageView, ResourceView } from './resources.views';

/** The orders service's resources over REST (issue 15 items 2, 4, 7): each route is its declaration bound here. */
export const ResourceRoutes = controllerOf('resources', [
  route({ rpc: 'orders.RegisterResource', body: RegisterResourceDto, answer: ResourceView, view }),
  route({ rpc: 'orders.ListResources', query: ListResourcesQuery, answer: ResourcePageView, view }),
  route({ rpc: 'orders.GetResource', query: GetResourceQuery, answer: ResourceView, view }),
  route({ rpc: 'orders.GetResourceHistory', answer: HistoryView }),
  route({ rpc: 'orders.ChangeResourceState', body: ChangeResourceStateDto, answer: ResourceView, view }),
  route({ rpc: 'orders.UpdateResourcePapers', body: UpdateResourcePapersDto, answer: ResourceView, view }),
  route({ rpc: 'orders.RecordMaintenance', body: RecordMaintenanceDto, answer: ResourceView, view }),
  route({ rpc: 'orders.LendTool', body: LendToolDto, answer: ResourceView, view }),
  route({ rpc: 'orders.ReturnTool', answer: ResourceView, view }),
  route({ rpc: 'orders.ReportToolLost', answer: ResourceView, view }),
  route({
    rpc: 'orders.RecordPreparationCheck',
    body: RecordPreparationCheckDto,
    answer: ResourceView,
    view,
  }),
  route({ rpc: 'orders.DeliverRental', body: DeliverRentalDto, answer: ResourceView, view }),
  route({ rpc: 'orders.RecordRentalVisit', body: RecordRentalVisitDto, answer: ResourceView, view }),
  route({ rpc: 'orders.InspectRentalReturn', body: InspectRentalReturnDto, answer: ResourceView, view }),
]);
