import {
  CHAT_AGENTS,
  CHAT_READERS,
  CHAT_SUPERVISORS,
  DAILY_REPORT_READERS,
  INCIDENT_READERS,
  INCIDENT_REPORTERS,
  ORDER_READERS,
} from './access';
import type { Declaration } from './declaration';

/** Companion chat, safety incidents, daily reports and order lists (issue 15 items 8–11). */
export const ORDERS_FIELD_API = {
  ListOrders: {
    http: { method: 'GET', path: 'orders', status: 200 },
    access: ORDER_READERS,
    errors: [],
    summary:
      'List orders, newest first, a page at a time: by status, staff, resource, SLA state, day (the tenant’s calendar day of the slot, or of the time wanted)',
  },
  GetOrderHistory: {
    http: { method: 'GET', path: 'orders/:id/history', status: 200, uuidParams: ['id'] },
    access: ORDER_READERS,
    errors: ['ORDERS.ORDER_NOT_FOUND'],
    summary: 'What happened to an order: who, when, on whose behalf, why, which fields',
  },
  GetChatPolicy: {
    http: { method: 'GET', path: 'chat-policy', status: 200 },
    access: CHAT_READERS,
    errors: [],
    summary: 'The chat policy in force: the share of ended chats sampled for inspection, the score range',
  },
  SetChatPolicy: {
    http: { method: 'POST', path: 'chat-policy', status: 200 },
    access: CHAT_SUPERVISORS,
    errors: ['ORDERS.INVALID_CHAT_POLICY', 'ORDERS.SCORE_RANGE_REVERSED'],
    summary: 'Set the chat policy (its next version): sample share in percent, the inspector’s score range',
  },
  SetCompanionCapacity: {
    http: { method: 'POST', path: 'chat-companions/:id/capacity', status: 200, uuidParams: ['id'] },
    access: CHAT_SUPERVISORS,
    errors: ['ORDERS.STAFF_NOT_FOUND', 'ORDERS.INVALID_CAPACITY'],
    summary:
      'Put a companion on duty for a queue (line, branch) taking up to `capacity` chats at once; 0 = off duty',
  },
  QueueChat: {
    http: { method: 'POST', path: 'chat-sessions', status: 201, etag: true, location: true },
    access: CHAT_AGENTS,
    errors: ['ORDERS.INVALID_LINE', 'ORDERS.CUSTOMER_NOT_FOUND', 'ORDERS.CUSTOMER_ERASED'],
    summary: 'Queue a customer for a chat companion (first come, first served per line and branch)',
  },
  AllocateChatCompanion: {
    http: { method: 'POST', path: 'chat-queue/allocate', status: 200, etag: true },
    access: CHAT_AGENTS,
    errors: [
      'ORDERS.CHAT_QUEUE_EMPTY',
      'ORDERS.NO_COMPANION_FREE',
      'ORDERS.CHAT_NOT_WAITING',
      'ORDERS.COMPANION_AT_CAPACITY',
      'ORDERS.COMPANION_NOT_ON_DUTY',
      'ORDERS.COMPANION_WRONG_QUEUE',
    ],
    summary:
      'Give the first customer waiting in a queue the least loaded free companion (ties: longest since their last chat began or ended, then id)',
  },
  ListChatQueue: {
    http: { method: 'GET', path: 'chat-queue', status: 200 },
    access: CHAT_READERS,
    errors: [],
    summary: 'Customers waiting in a queue (line, branch), first come first served',
  },
  GetChatSession: {
    http: { method: 'GET', path: 'chat-sessions/:id', status: 200, uuidParams: ['id'], etag: true },
    access: CHAT_READERS,
    errors: ['ORDERS.CHAT_SESSION_NOT_FOUND'],
    summary: 'A chat session: its companion, duration, sampling and score',
  },
  StartChat: {
    http: {
      method: 'POST',
      path: 'chat-sessions/:id/start',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CHAT_AGENTS,
    errors: ['ORDERS.CHAT_SESSION_NOT_FOUND', 'ORDERS.CHAT_NOT_ALLOCATED'],
    summary: 'Start the chat with the allocated companion',
  },
  EndChat: {
    http: {
      method: 'POST',
      path: 'chat-sessions/:id/end',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CHAT_AGENTS,
    errors: ['ORDERS.CHAT_SESSION_NOT_FOUND', 'ORDERS.CHAT_NOT_ACTIVE', 'ORDERS.CHAT_NOT_ASSIGNED'],
    summary:
      'End the chat: its duration counted, sampled for inspection at the policy’s rate, the companion freed',
  },
  ScoreChat: {
    http: {
      method: 'POST',
      path: 'chat-sessions/:id/score',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: CHAT_SUPERVISORS,
    errors: [
      'ORDERS.CHAT_SESSION_NOT_FOUND',
      'ORDERS.CHAT_NOT_ENDED',
      'ORDERS.CHAT_NOT_SAMPLED',
      'ORDERS.CHAT_ALREADY_SCORED',
      'ORDERS.SCORE_OUT_OF_RANGE',
    ],
    summary:
      'The inspector’s score of a sampled chat, within the policy’s range; published for the companion’s KPI',
  },
  RecordSafetyIncident: {
    http: { method: 'POST', path: 'safety-incidents', status: 201, etag: true, location: true },
    access: INCIDENT_REPORTERS,
    personalData: true,
    errors: ['ORDERS.INVALID_INCIDENT_KIND', 'ORDERS.INVALID_TEXT', 'ORDERS.INCIDENT_IN_FUTURE'],
    summary:
      'Record an accident or sudden illness with the emergency steps taken (sealed); published for the safety KPI',
  },
  GetSafetyIncident: {
    http: {
      method: 'GET',
      path: 'safety-incidents/:id',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      purpose: true,
    },
    access: INCIDENT_READERS,
    personalData: true,
    errors: ['ORDERS.INCIDENT_NOT_FOUND'],
    summary: 'A safety incident (the emergency steps masked unless the caller’s roles see personal data)',
  },
  GetStaffDailyReport: {
    http: { method: 'GET', path: 'daily-reports/staff/:id', status: 200, uuidParams: ['id'] },
    access: DAILY_REPORT_READERS,
    errors: ['ORDERS.STAFF_NOT_FOUND'],
    summary:
      'A technician’s day: completed work by kind with hours, and their open jobs that will miss (or missed) their arrival time',
  },
  GetDailyRollup: {
    http: { method: 'GET', path: 'daily-reports', status: 200 },
    access: DAILY_REPORT_READERS,
    errors: [],
    summary:
      'The supervisor’s roll-up of a day: everyone’s work by kind with hours, and every open job that will miss its arrival time',
  },
} as const satisfies Record<string, Declaration>;
