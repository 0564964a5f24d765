import { controllerOf, route } from '../routes/mount';
import { ListMaintenanceVisitsQuery } from './maintenance-visits.dto';
import { MaintenanceVisitPageView } from './maintenance-visits.views';

/**
 * Leases' scheduled maintenance visits over REST (issue 15 item 7): a read only (a visit is done by recording a
 * rental visit on the unit, under /resources), so bound by hand under its own tag.
 */
export const MaintenanceVisitRoutes = controllerOf('maintenance-visits', [
  route({
    rpc: 'orders.ListMaintenanceVisits',
    query: ListMaintenanceVisitsQuery,
    answer: MaintenanceVisitPageView,
  }),
]);
