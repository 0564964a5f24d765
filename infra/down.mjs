// `npm run infra:down`: stops the development PostgreSQL and Kafka that `npm run infra:up` started.
import path from 'node:path';
import { stopKafka } from './kafka.mjs';
import { REPO_ROOT, stopPostgres } from './postgres.mjs';

const results = await Promise.allSettled([
  stopPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'dev-pg') }),
  stopKafka({ dataDir: path.join(REPO_ROOT, '.data', 'dev-kafka') }),
]);
const failures = results.filter((r) => r.status === 'rejected');
for (const { reason } of failures) console.error(reason instanceof Error ? reason.message : reason);
process.exit(failures.length > 0 ? 1 : 0);
