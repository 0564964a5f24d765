import { numericAmounts } from '../contracts/contracts.routes';
import { controllerOf, route } from '../routes/mount';
import {
  CheckDto,
  CompleteWorkDto,
  IssueQuoteDto,
  LogItemInDto,
  PartDto,
  ProposeExtraWorkDto,
  StartWorkDto,
} from './orders-work.dto';
import { WorkOrderView } from './orders-work.views';

const view = numericAmounts;

/**
 * Orders' work orders over REST (issue 15 items 1, 5, 6): quote, execution, parts, completion. Bound by hand, not
 * with `resourceRoutes`: their paths are under /orders/:id, which the order's own writes share (orders.routes.ts),
 * and a resource's derived writes are every write under its path, with one answer.
 */
export const WorkOrderRoutes = controllerOf('work-orders', [
  route({ rpc: 'orders.IssueQuote', body: IssueQuoteDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.AcceptQuote', answer: WorkOrderView, view }),
  route({ rpc: 'orders.DeclineQuote', answer: WorkOrderView, view }),
  route({ rpc: 'orders.StartWork', body: StartWorkDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.ProposeExtraWork', body: ProposeExtraWorkDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.ApproveExtraWork', answer: WorkOrderView, view }),
  route({ rpc: 'orders.RecordExtraWorkConsent', answer: WorkOrderView, view }),
  route({ rpc: 'orders.StartExtraWork', answer: WorkOrderView, view }),
  route({ rpc: 'orders.IssuePart', body: PartDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.UsePart', body: PartDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.ReturnUnusedPart', body: PartDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.LogItemIn', body: LogItemInDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.LogItemOut', answer: WorkOrderView, view }),
  route({ rpc: 'orders.RecordSelfCheck', body: CheckDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.RecordInspection', body: CheckDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.CompleteWork', body: CompleteWorkDto, answer: WorkOrderView, view }),
  route({ rpc: 'orders.GetWorkOrder', answer: WorkOrderView, view }),
]);
