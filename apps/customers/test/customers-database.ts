import { openDatabase, runReadModelMigrations } from '@serviceops/platform';
import { dropDatabase } from '@serviceops/platform/testing';
import { databaseUrl, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { customersService } from '../src/customers.service-definition';

export const CUSTOMERS_SCHEMA = 'customers';

export interface CustomersDatabase {
  readonly dataSource: DataSource;
  readonly pool: Pool;
  /** Closes the connections and drops the database. */
  close(): Promise<void>;
}

/** A database of the spec's own, with the customers service's read models migrated in its schema. */
export async function openCustomersDatabase(prefix: string, poolSize = 3): Promise<CustomersDatabase> {
  const name = uniqueName(prefix);
  const admin = new Pool({ connectionString: databaseUrl(), max: 1 });
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  const { dataSource, pool } = await openDatabase({
    ...customersService.database,
    url: url.toString(),
    schema: CUSTOMERS_SCHEMA,
    poolSize,
    applicationName: `${prefix}-test`,
  });
  await runReadModelMigrations(dataSource, pool, CUSTOMERS_SCHEMA);
  return {
    dataSource,
    pool,
    close: async () => {
      await dataSource.destroy();
      await pool.end().catch(() => undefined);
      await dropDatabase(name);
    },
  };
}
