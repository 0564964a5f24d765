export * from './errors';
export * from './types';
export * from './registry';
export * from './serialization';
export * from './migrations';
export * from './transaction';
export { prepared, type PreparedStatement } from './prepared';
export { MAX_STREAM_ID_LENGTH, DEFAULT_MAX_EVENT_BYTES } from './validation';
export { DEFAULT_GROUP_COMMIT, type GroupCommitOptions } from './group-commit';
export {
  PostgresEventStore,
  notifyChannel,
  readAllSql,
  type EventStoreOptions,
  type EventRow,
  type GlobalLogRow,
} from './event-store';
