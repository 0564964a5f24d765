import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

export interface DatabaseOptions {
  readonly url: string;
  readonly schema: string;
  readonly poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  readonly migrations: MixedList<Function | string>;
  readonly applicationName: string;
}

/**
 * One TypeORM data source per service, in the service's schema. Its pg pool also serves the event store and
 * the consumer tables, so a projection's read-model rows, its inbox row and its checkpoint share one
 * transaction. Read-model tables come from migrations, never `synchronize`.
 */
export async function openDatabase(
  options: DatabaseOptions,
): Promise<{ dataSource: DataSource; pool: Pool }> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName,
    // Unqualified names in read-model SQL and migrations land in the service's schema.
    extra: { max: options.poolSize, options: `-c search_path=${options.schema},public` },
  });
  await dataSource.initialize();
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return { dataSource, pool };
}

/** Runs pending read-model migrations, one replica at a time. */
export async function runReadModelMigrations(
  dataSource: DataSource,
  pool: Pool,
  schema: string,
): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`read-model-migrations:${schema}`]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`read-model-migrations:${schema}`])
      .catch(() => undefined);
    lock.release();
  }
}

/**
 * An EntityManager working inside a transaction someone else opened (the consumer's, with its inbox row):
 * TypeORM neither begins nor commits, and the connection is not released by it.
 */
export function entityManagerOn(dataSource: DataSource, tx: PoolClient): EntityManager {
  const runner = dataSource.createQueryRunner() as PostgresQueryRunner;
  // TypeORM keeps the connection protected; a runner handed a connection uses it and never releases it.
  const bound = runner as unknown as { databaseConnection: PoolClient; isTransactionActive: boolean };
  bound.databaseConnection = tx;
  bound.isTransactionActive = true;
  return runner.manager;
}
