import type { DeliveredEvent } from '@serviceops/messaging';
import { entityManagerOn } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import {
  LessThan,
  type DataSource,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** A read model's row that follows one stream: `version` is the stream version of the last event it applied. */
type StreamRow = ObjectLiteral & { version: number };

/**
 * The row an event moves, as of that event's stream version. Every write is forward only: a redelivered or
 * replayed older event (at-least-once delivery, a consumer restarted before its checkpoint) changes nothing.
 */
export class ForwardOnlyRow<Row extends StreamRow> {
  constructor(
    private readonly rows: Repository<Row>,
    private readonly key: FindOptionsWhere<Row>,
    readonly version: number,
  ) {}

  /** Creates the row at this version; a row already there (a replayed creation) is left as it is. */
  async create(values: Omit<Row, 'version'>): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .values({ ...values, version: this.version } as QueryDeepPartialEntity<Row>)
      .orIgnore()
      .execute();
  }

  /** Moves the row to this version with `changes`, only when it is behind it. */
  async advance(changes: Partial<Omit<Row, 'version'>> = {}): Promise<void> {
    const behind = { ...this.key, version: LessThan(this.version) } as FindOptionsWhere<Row>;
    await this.rows.update(behind, { ...changes, version: this.version } as QueryDeepPartialEntity<Row>);
  }
}

export interface ForwardOnlyProjection<E extends { type: string; data: object }, Row extends StreamRow> {
  /** The read model's entity. */
  readonly entity: EntityTarget<Row>;
  /** Whether a stream is one this read model follows. */
  readonly follows: (streamId: string) => boolean;
  /** The row an event of such a stream moves. */
  readonly keyOf: (event: E) => FindOptionsWhere<Row>;
  readonly apply: (event: E, row: ForwardOnlyRow<Row>, tenantId: string) => Promise<void>;
}

/**
 * A projection of the service's own streams into rows kept one per stream, each only ever moved forward by stream
 * version: the one guard the contract list, the proposal list and the renewal follow-ups share. Rebuildable: a
 * replay from scratch, in stream order, writes the same rows.
 */
export function forwardOnlyProjection<E extends { type: string; data: object }, Row extends StreamRow>(
  dataSource: DataSource,
  projection: ForwardOnlyProjection<E, Row>,
) {
  return async (delivered: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = delivered.metadata.tenantId;
    if (!tenantId || !projection.follows(delivered.streamId)) return;
    const event = { type: delivered.type, data: delivered.data } as E;
    const rows = entityManagerOn(dataSource, tx).getRepository(projection.entity);
    const row = new ForwardOnlyRow(rows, projection.keyOf(event), delivered.streamVersion);
    await projection.apply(event, row, tenantId);
  };
}

/** A contract's stream (not a template's, whose ids share the prefix). */
export const isContractStream = (streamId: string): boolean =>
  streamId.startsWith('contract-') && !streamId.startsWith('contract-template-');
