import { controllerOf, route } from '../routes/mount';
import {
  AllocateChatCompanionDto,
  ChatQueueQuery,
  DayQuery,
  ListOrdersQuery,
  QueueChatDto,
  RecordSafetyIncidentDto,
  ScoreChatDto,
  SetChatPolicyDto,
  SetCompanionCapacityDto,
} from './orders-field.dto';
import {
  ChatPolicyView,
  ChatQueueView,
  ChatSessionView,
  CompanionDeskView,
  DailyRollupView,
  OrderHistoryView,
  OrderPageView,
  SafetyIncidentView,
  StaffDailyReportView,
} from './orders-field.views';

/**
 * Order lists and history, companion chat, safety incidents, daily reports (issue 15 items 8–11) over REST. Bound by
 * hand, not with `resourceRoutes`: these routes are one OpenAPI tag over several path prefixes (chat-policy,
 * chat-companions, chat-sessions, chat-queue, safety-incidents, orders, daily-reports), and a resource's tag is its
 * one prefix; deriving the chat sessions' writes would move them to a tag of their own.
 */
export const OrdersFieldRoutes = controllerOf('orders-field', [
  route({ rpc: 'orders.ListOrders', query: ListOrdersQuery, answer: OrderPageView }),
  route({ rpc: 'orders.GetOrderHistory', answer: OrderHistoryView }),
  route({ rpc: 'orders.GetChatPolicy', answer: ChatPolicyView }),
  route({ rpc: 'orders.SetChatPolicy', body: SetChatPolicyDto, answer: ChatPolicyView }),
  route({ rpc: 'orders.SetCompanionCapacity', body: SetCompanionCapacityDto, answer: CompanionDeskView }),
  route({ rpc: 'orders.QueueChat', body: QueueChatDto, answer: ChatSessionView }),
  route({ rpc: 'orders.AllocateChatCompanion', body: AllocateChatCompanionDto, answer: ChatSessionView }),
  route({ rpc: 'orders.ListChatQueue', query: ChatQueueQuery, answer: ChatQueueView }),
  route({ rpc: 'orders.GetChatSession', answer: ChatSessionView }),
  route({ rpc: 'orders.StartChat', answer: ChatSessionView }),
  route({ rpc: 'orders.EndChat', answer: ChatSessionView }),
  route({ rpc: 'orders.ScoreChat', body: ScoreChatDto, answer: ChatSessionView }),
  route({ rpc: 'orders.RecordSafetyIncident', body: RecordSafetyIncidentDto, answer: SafetyIncidentView }),
  route({ rpc: 'orders.GetSafetyIncident', answer: SafetyIncidentView }),
  route({ rpc: 'orders.GetStaffDailyReport', query: DayQuery, answer: StaffDailyReportView }),
  route({ rpc: 'orders.GetDailyRollup', query: DayQuery, answer: DailyRollupView }),
]);
